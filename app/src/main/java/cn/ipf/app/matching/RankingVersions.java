package cn.ipf.app.matching;

import cn.ipf.app.consent.ConsentChanged;
import cn.ipf.app.library.AdmissionChanged;
import cn.ipf.app.product.ProductChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * 排名版本 the cluster-wide version of the candidate rankings, two counters in the database (table
 * candidate_ranking_version) shared by every instance: one per bank, bumped when a consent to that bank or one of its
 * products changes, and one for all banks, bumped when a consent to every partner bank changes or an enterprise
 * enters or leaves the admitted set. The listeners run synchronously, inside the transaction of the change that
 * publishes the event, so the bump commits with the change or not at all: no committed change is without its bump.
 * Every request reads the version before it uses or computes a ranking ({@link CandidateRankings}).
 */
@Component
class RankingVersions {

    private static final long ALL_BANKS = 0;

    private final MatchingMapper mapper;

    RankingVersions(MatchingMapper mapper) {
        this.mapper = mapper;
    }

    /** The version a ranking for the bank is valid for (both counters, one query). */
    String current(long bankId) {
        return mapper.rankingVersion(bankId);
    }

    @EventListener
    void consentChanged(ConsentChanged change) {
        mapper.bumpRankingVersion(change.bankId() == null ? ALL_BANKS : change.bankId());
    }

    @EventListener
    void admissionChanged(AdmissionChanged change) {
        mapper.bumpRankingVersion(ALL_BANKS);
    }

    @EventListener
    void productChanged(ProductChanged change) {
        mapper.bumpRankingVersion(change.bankId());
    }
}
