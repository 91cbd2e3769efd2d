package cn.ipf.app.idempotency;

import cn.ipf.batch.idempotency.IdempotencyRecords;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The idempotency store's side of the purge job: finds and deletes expired records (the job's chunk transaction). */
@Component
class ExpiredRecords implements IdempotencyRecords {

    private final ExpiredRecordMapper mapper;

    ExpiredRecords(ExpiredRecordMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public List<Long> expired(Instant cutoff, Long afterId, int limit) {
        return mapper.expired(cutoff, afterId, limit);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(List<Long> ids, Instant cutoff) {
        ids.forEach(id -> mapper.delete(id, cutoff));
    }
}
