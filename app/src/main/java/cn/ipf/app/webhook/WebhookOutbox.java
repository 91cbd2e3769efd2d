package cn.ipf.app.webhook;

import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transactional outbox of webhook events: an event is written in the transaction of the change it reports, so it is
 * sent if and only if that change commits.
 */
@Service
public class WebhookOutbox {

    /** Queues {@code data} as a {@code type} event for every enabled endpoint of the bank. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(long bankId, WebhookEventType type, Map<String, Object> data) {
        // TODO(issue 4 webhooks): persisted and delivered by the outbox being built in parallel
    }
}
