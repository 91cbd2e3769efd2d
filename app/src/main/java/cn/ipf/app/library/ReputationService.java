package cn.ipf.app.library;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.access.Caller;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.persistence.GeneratedId;
import cn.ipf.app.shared.time.BusinessCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 信用 credit ratings recorded by reviewers, and the 严重违法失信名单 serious-dishonesty history. A listing suspends an
 * admitted enterprise at once; a delisting is recorded but does not readmit.
 */
@Service
public class ReputationService {

    private final ReputationMapper reputation;
    private final EnterpriseMapper enterprises;
    private final AdmissionService admission;
    private final LibraryAccess access;
    private final AuditTrail audit;
    private final BusinessCalendar calendar;
    private final MatchProfiles profiles;
    private final Clock clock;

    ReputationService(ReputationMapper reputation, EnterpriseMapper enterprises, AdmissionService admission,
            LibraryAccess access, AuditTrail audit, BusinessCalendar calendar, MatchProfiles profiles, Clock clock) {
        this.reputation = reputation;
        this.enterprises = enterprises;
        this.admission = admission;
        this.access = access;
        this.audit = audit;
        this.calendar = calendar;
        this.profiles = profiles;
        this.clock = clock;
    }

    @Transactional
    ReputationMapper.RatingRow recordRating(long enterpriseId, String rating, String source, LocalDate ratedOn) {
        Caller caller = access.caller();
        access.reviewable(caller, enterpriseId);
        notInFuture(ratedOn, "ratedOn");
        reputation.insertRating(enterpriseId, rating, source, ratedOn, caller.userId(), clock.instant());
        profiles.refresh(enterpriseId);
        audit.record("CREDIT_RATING_RECORDED", "ENTERPRISE", enterpriseId, Map.of("rating", rating, "source", source,
                "ratedOn", ratedOn.toString()));
        return reputation.latestRating(enterpriseId);
    }

    List<ReputationMapper.DishonestyRow> history(long enterpriseId) {
        access.visible(access.caller(), enterpriseId);
        return reputation.dishonestyOf(enterpriseId);
    }

    @Transactional
    ReputationMapper.DishonestyRow list(long enterpriseId, LocalDate listedOn, String source) {
        Caller caller = access.caller();
        access.reviewable(caller, enterpriseId);
        notInFuture(listedOn, "listedOn");
        // the entry's lock orders a listing with admission decisions on the same enterprise: whichever comes second
        // sees the other (a decision then fails the NOT_DISHONEST gate, or the listing suspends the admission)
        enterprises.lockEntry(enterpriseId);
        if (reputation.lockOpenListing(enterpriseId) != null) {
            throw new ApiException(ErrorCode.ALREADY_LISTED);
        }
        GeneratedId key = new GeneratedId();
        reputation.insertListing(enterpriseId, listedOn, source, caller.userId(), clock.instant(), key);
        audit.record("DISHONESTY_LISTED", "ENTERPRISE", enterpriseId, Map.of("recordId", key.getId(), "listedOn",
                listedOn.toString(), "source", source));
        admission.suspendForDishonesty(enterpriseId);
        return reputation.listing(key.getId());
    }

    @Transactional
    ReputationMapper.DishonestyRow delist(long enterpriseId, long recordId, LocalDate delistedOn) {
        Caller caller = access.caller();
        access.reviewable(caller, enterpriseId);
        ReputationMapper.DishonestyRow listing = reputation.lockListing(enterpriseId, recordId);
        if (listing == null) {
            throw new ApiException(ErrorCode.LISTING_NOT_FOUND, recordId);
        }
        if (listing.delistedOn() != null) {
            throw new ApiException(ErrorCode.ALREADY_DELISTED, recordId);
        }
        notInFuture(delistedOn, "delistedOn");
        if (delistedOn.isBefore(listing.listedOn())) {
            throw new ApiException(ErrorCode.DATE_INVALID, "delistedOn is before listedOn");
        }
        reputation.delist(recordId, delistedOn);
        audit.record("DISHONESTY_DELISTED", "ENTERPRISE", enterpriseId, Map.of("recordId", recordId, "delistedOn",
                delistedOn.toString()));
        return reputation.listing(recordId);
    }

    private void notInFuture(LocalDate date, String field) {
        if (date.isAfter(calendar.today())) {
            throw new ApiException(ErrorCode.DATE_INVALID, field + " is in the future");
        }
    }
}
