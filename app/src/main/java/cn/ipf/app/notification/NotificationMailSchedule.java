package cn.ipf.app.notification;

import cn.ipf.app.shared.commandline.ServerOnly;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs {@link NotificationMailer#sendDue()} every {@code ipf.notifications.mail.interval} (retries, and mails whose
 * after-commit send was lost) unless {@code ipf.notifications.mail.scheduled} is false, as in the tests. Several
 * instances claim disjoint mails by lease, so no lock is needed.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ServerOnly
@ConditionalOnExpression("!'${spring.mail.host:}'.isBlank()")
@ConditionalOnProperty(prefix = "ipf.notifications.mail", name = "scheduled", havingValue = "true",
        matchIfMissing = true)
class NotificationMailSchedule implements SchedulingConfigurer {

    private final NotificationMailer mailer;
    private final NotificationProperties properties;

    NotificationMailSchedule(NotificationMailer mailer, NotificationProperties properties) {
        this.mailer = mailer;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(mailer::sendDue, properties.interval());
    }
}
