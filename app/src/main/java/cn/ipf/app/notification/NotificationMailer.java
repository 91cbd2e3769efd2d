package cn.ipf.app.notification;

import cn.ipf.app.webhook.policy.RetrySchedule;
import jakarta.annotation.PreDestroy;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 邮件发件箱 sends the e-mails of messages, modelled on the webhook dispatcher: a pass claims due mails in a short
 * transaction ({@code FOR UPDATE SKIP LOCKED}, then a lease under a token), sends them with no transaction open, and
 * records each outcome only while its lease still holds; a failure is retried on a {@link RetrySchedule} until the
 * mail is FAILED. At least once: an instance that dies between sending and recording leaves the lease to expire. Each
 * mail carries the Chinese text and the English one below it. Exists only when a mail server is configured
 * ({@code spring.mail.host}).
 */
@Service
// a host configured (IPF_SMTP_HOST); a user component's @ConditionalOnBean would run before auto-configuration
@ConditionalOnExpression("!'${spring.mail.host:}'.isBlank()")
public class NotificationMailer {

    private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);
    private static final int MAX_ERROR = 500;

    private final NotificationMapper mapper;
    private final MessageTexts texts;
    private final JavaMailSender sender;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final NotificationProperties properties;
    private final RetrySchedule retries;
    private final SecureRandom random = new SecureRandom();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "notification-mailer");
        t.setDaemon(true);
        return t;
    });

    NotificationMailer(NotificationMapper mapper, MessageTexts texts, JavaMailSender sender, TransactionTemplate tx,
            Clock clock, NotificationProperties properties) {
        this.mapper = mapper;
        this.texts = texts;
        this.sender = sender;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
        this.retries = properties.retrySchedule();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Sends what is due on the mailer's thread, soon; calls while a pass is queued are one pass. */
    void sendSoon() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                try {
                    sendDue();
                } catch (RuntimeException e) {
                    log.warn("sending message e-mails failed; the schedule tries again: {}", e.toString());
                }
            });
        }
    }

    /** Sends every mail due now; returns the number of attempts made. */
    public int sendDue() {
        int attempts = 0;
        while (true) {
            String token = HexFormat.of().formatHex(randomBytes());
            Instant now = clock.instant();
            List<Long> ids = tx.execute(status -> {
                List<Long> due = mapper.lockDue(now, properties.batchSize());
                if (!due.isEmpty()) {
                    mapper.lease(due, now.plus(properties.lease()), token);
                }
                return due;
            });
            if (ids.isEmpty()) {
                return attempts;
            }
            for (MailRow m : mapper.claimed(ids, token)) {
                attempt(m, token);
                attempts++;
            }
        }
    }

    private void attempt(MailRow m, String token) {
        int round = m.attempts() + 1;
        String error = m.email() == null ? "no e-mail address" : send(m);
        Instant now = clock.instant();
        if (error == null) {
            mapper.recordAttempt(m.id(), token, "SENT", round, null, null, now);
        } else if (m.email() != null && retries.afterFailure(round, ThreadLocalRandom.current().nextDouble())
                instanceof RetrySchedule.Retry retry) {
            mapper.recordAttempt(m.id(), token, "PENDING", round, now.plus(retry.delay()), error, null);
        } else {
            mapper.recordAttempt(m.id(), token, "FAILED", round, null, error, null);
            log.warn("message e-mail {} failed after {} attempts, the last: {}", m.id(), round, error);
        }
    }

    /** One SMTP try; null when the server took the mail, else what went wrong. */
    private String send(MailRow m) {
        try {
            MessageTexts.Text zh = texts.render(m.event(), m.args(), MessageTexts.ZH_CN);
            MessageTexts.Text en = texts.render(m.event(), m.args(), Locale.ENGLISH);
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper mail = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            mail.setFrom(properties.from());
            mail.setTo(m.email());
            mail.setSubject(zh.title() + " / " + en.title());
            mail.setText(zh.body() + "\n\n" + en.body() + "\n\n-- \n知识产权质押融资平台 消息中心 / "
                    + "IP Pledge Finance message centre");
            sender.send(message);
            return null;
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        }
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return bytes;
    }
}
