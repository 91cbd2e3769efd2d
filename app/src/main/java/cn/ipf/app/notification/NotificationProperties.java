package cn.ipf.app.notification;

import cn.ipf.app.webhook.policy.RetrySchedule;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ipf.notifications.mail.*}: how message e-mails are sent. E-mail is on when a mail server is configured
 * ({@code spring.mail.host}, i.e. {@code IPF_SMTP_HOST}); otherwise messages are in-app only.
 *
 * @param from            the sender address
 * @param scheduled       also send on a schedule (every {@code interval}): retries, and mails whose after-commit send
 *                        did not happen (an instance stopped); tests drive it by hand
 * @param interval        pause between two scheduled runs
 * @param batchSize       mails claimed at a time
 * @param lease           how long a claimed mail is reserved for this instance before another may send it
 * @param firstRetryDelay delay after the first failed attempt, doubling after each further one
 * @param maxRetryDelay   cap of the delay
 * @param maxAttempts     attempts before the mail is FAILED (the in-app message stays)
 */
@ConfigurationProperties("ipf.notifications.mail")
public record NotificationProperties(String from, boolean scheduled, Duration interval, int batchSize,
        Duration lease, Duration firstRetryDelay, Duration maxRetryDelay, int maxAttempts) {

    RetrySchedule retrySchedule() {
        return new RetrySchedule(firstRetryDelay, maxRetryDelay, maxAttempts);
    }
}
