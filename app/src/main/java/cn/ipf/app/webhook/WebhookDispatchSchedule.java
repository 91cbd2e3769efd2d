package cn.ipf.app.webhook;

import cn.ipf.app.shared.commandline.ServerOnly;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs {@link WebhookDispatcher#dispatchDue()} every {@code ipf.webhooks.dispatch.interval} (after the previous run
 * ends) unless {@code ipf.webhooks.dispatch.enabled} is false, as in the tests, which run it themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ServerOnly
@ConditionalOnProperty(prefix = "ipf.webhooks.dispatch", name = "enabled", havingValue = "true", matchIfMissing = true)
class WebhookDispatchSchedule implements SchedulingConfigurer {

    private final WebhookDispatcher dispatcher;
    private final WebhookProperties properties;

    WebhookDispatchSchedule(WebhookDispatcher dispatcher, WebhookProperties properties) {
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(dispatcher::dispatchDue, properties.dispatch().interval());
    }
}
