package cn.ipf.app.library;

import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.library.policy.AdmissionStatus;
import cn.ipf.app.region.Region;
import cn.ipf.app.region.RegionMapper;
import cn.ipf.app.shared.persistence.LikePattern;
import cn.ipf.app.shared.web.Pages;
import cn.ipf.app.user.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 入库审核工作台 the reviewers' admission work queue: what waits for the caller's level (a district reviewer: the
 * submissions of its district; a city reviewer: submissions and district approvals everywhere), what was returned, and
 * what has waited long enough to be due soon; and the open serious-dishonesty listings in the caller's scope.
 */
@Service
class AdmissionQueue {

    /** A review step is due within this many days of the entry reaching it (the console's service standard). */
    static final int REVIEW_DAYS = 15;
    /** Entries this close to that (waiting at least REVIEW_DAYS − DUE_SOON_DAYS days) count as 即将超期. */
    static final int DUE_SOON_DAYS = 5;

    private final AdmissionQueueMapper queue;
    private final RegionMapper regions;
    private final LibraryAccess access;
    private final Clock clock;

    AdmissionQueue(AdmissionQueueMapper queue, RegionMapper regions, LibraryAccess access, Clock clock) {
        this.queue = queue;
        this.regions = regions;
        this.access = access;
        this.clock = clock;
    }

    /** The queue's filters as the reviewer chose them; {@code dueSoon} narrows to the pending entries due soon. */
    record Filters(String districtCode, AdmissionStatus status, String text, boolean dueSoon) {
    }

    record Listing(AdmissionQueueMapper.Counts counts, List<AdmissionQueueMapper.QueueRow> items, long total) {
    }

    @Transactional(readOnly = true)
    Listing list(Filters f, Pages.Request page) {
        Caller caller = reviewer();
        String visible = access.visibleDistrict(caller);
        List<String> pending = pendingStatuses(caller);
        Instant dueBefore = dueBefore();
        List<String> statuses = f.status() != null ? List.of(f.status().name()) : f.dueSoon() ? pending : null;
        AdmissionQueueMapper.QueueQuery q = new AdmissionQueueMapper.QueueQuery(visible, blankToNull(f.districtCode()),
                statuses, LikePattern.literal(f.text()), f.dueSoon() ? dueBefore : null);
        return new Listing(queue.counts(visible, pending, dueBefore), queue.entries(q, page.offset(), page.size()),
                queue.countEntries(q));
    }

    /** The counts alone, for the home page. */
    @Transactional(readOnly = true)
    AdmissionQueueMapper.Counts counts() {
        Caller caller = reviewer();
        return queue.counts(access.visibleDistrict(caller), pendingStatuses(caller), dueBefore());
    }

    /** The statuses waiting for the caller's level. */
    List<String> pendingStatuses(Caller caller) {
        return caller.is(Role.CITY_REVIEWER)
                ? List.of(AdmissionStatus.SUBMITTED.name(), AdmissionStatus.DISTRICT_APPROVED.name())
                : List.of(AdmissionStatus.SUBMITTED.name());
    }

    /** The districts a reviewer may filter by: its own, or all for a city reviewer. */
    List<Region> districts() {
        String visible = access.visibleDistrict(reviewer());
        return regions.findAll().stream().filter(r -> "DISTRICT".equals(r.regionLevel()))
                .filter(r -> visible == null || visible.equals(r.code())).toList();
    }

    @Transactional(readOnly = true)
    List<AdmissionQueueMapper.ListingRow> openListings() {
        return queue.openListings(access.visibleDistrict(reviewer()));
    }

    private Caller reviewer() {
        Caller caller = access.caller();
        access.require(caller, Permission.REVIEW_ENTERPRISE);
        return caller;
    }

    private Instant dueBefore() {
        return clock.instant().minus(Duration.ofDays(REVIEW_DAYS - DUE_SOON_DAYS));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
