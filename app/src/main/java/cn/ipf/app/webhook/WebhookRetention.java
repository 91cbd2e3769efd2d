package cn.ipf.app.webhook;

import cn.ipf.batch.webhook.WebhookHistory;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The webhook feature's side of the retention job: finds and deletes old history (the job's chunk transaction). */
@Component
class WebhookRetention implements WebhookHistory {

    private final WebhookRetentionMapper mapper;

    WebhookRetention(WebhookRetentionMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public List<Long> finishedDeliveries(Instant cutoff, Long afterId, int limit) {
        return mapper.finishedDeliveries(cutoff, afterId, limit);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void deleteDeliveries(List<Long> ids, Instant cutoff) {
        if (!ids.isEmpty()) {
            mapper.deleteAttempts(ids, cutoff);
            mapper.deleteDeliveries(ids, cutoff);
        }
    }

    @Override
    public List<Long> unusedEvents(Instant cutoff, Long afterId, int limit) {
        return mapper.unusedEvents(cutoff, afterId, limit);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void deleteEvents(List<Long> ids, Instant cutoff) {
        if (!ids.isEmpty()) {
            mapper.deleteEvents(ids, cutoff);
        }
    }
}
