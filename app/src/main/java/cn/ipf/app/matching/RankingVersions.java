package cn.ipf.app.matching;

import cn.ipf.app.consent.ConsentChanged;
import cn.ipf.app.library.AdmissionChanged;
import cn.ipf.app.product.ProductChanged;
import cn.ipf.app.shared.redis.RedisGuard;
import io.lettuce.core.RedisException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * 排名版本 the cluster-wide version of the candidate rankings, two counters in Redis shared by every instance: one per
 * bank, bumped when a consent to that bank or one of its products changes, and one for all banks, bumped when a consent to every partner
 * bank changes or an enterprise enters or leaves the admitted set. Each bumps after its change commits, and every
 * request reads the version before it uses or computes a ranking ({@link CandidateRankings}), so no instance serves a
 * ranking computed before a change it has been told of. Reading fails closed (503 REDIS_UNAVAILABLE, as every bank
 * request does without Redis); a bump that cannot reach Redis is logged, and other instances then keep their rankings
 * for at most their time to live (each page is still checked against the standing consents and admissions).
 */
@Component
class RankingVersions {

    static final String ALL_BANKS = "ipf:candidate-rankings:version";

    private static final Logger log = LoggerFactory.getLogger(RankingVersions.class);

    private final StringRedisTemplate redis;

    RankingVersions(StringRedisTemplate redis) {
        this.redis = redis;
    }

    static String ofBank(long bankId) {
        return ALL_BANKS + ":bank:" + bankId;
    }

    /** The version a ranking for the bank is valid for (both counters, one round trip). */
    String current(long bankId) {
        List<String> versions = RedisGuard.call("candidate rankings",
                () -> redis.opsForValue().multiGet(List.of(ALL_BANKS, ofBank(bankId))));
        return versions.get(0) + "/" + versions.get(1);
    }

    @TransactionalEventListener
    void consentChanged(ConsentChanged change) {
        bump(change.bankId() == null ? ALL_BANKS : ofBank(change.bankId()));
    }

    @TransactionalEventListener
    void admissionChanged(AdmissionChanged change) {
        bump(ALL_BANKS);
    }

    @TransactionalEventListener
    void productChanged(ProductChanged change) {
        bump(ofBank(change.bankId()));
    }

    private void bump(String key) {
        try {
            redis.opsForValue().increment(key);
        } catch (DataAccessException | RedisException e) {
            log.warn("could not bump {} (other instances keep their candidate rankings for their time to live): {}",
                    key, e.getMessage());
        }
    }
}
