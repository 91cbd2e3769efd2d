package cn.ipf.app.compensation;

import cn.ipf.batch.compensation.CompensationQueue;
import cn.ipf.batch.compensation.QueuedClaim;
import java.util.List;
import org.springframework.stereotype.Component;

/** What the risk-compensation job pays and returns, in the order it does so. */
@Component
class PayoutQueue implements CompensationQueue {

    private final PayoutQueueMapper mapper;

    PayoutQueue(PayoutQueueMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public List<QueuedClaim> approvedClaims(long programmeId, QueuedClaim after, int limit) {
        return mapper.approvedClaims(programmeId, after, limit);
    }

    @Override
    public List<Long> unreturnedRecoveries(long programmeId, Long afterId, int limit) {
        return mapper.unreturnedRecoveries(programmeId, afterId, limit);
    }
}
