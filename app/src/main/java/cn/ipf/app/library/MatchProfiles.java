package cn.ipf.app.library;

import cn.ipf.app.shared.time.BusinessCalendar;
import java.util.Collection;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * 匹配画像 the per-enterprise match profile (table match_profile): what matching needs to know of an enterprise — its
 * district and industry, open demand and the banks it names, latest rating, valid inventions and, per kind, its
 * pledgeable assets with their appraised values. Every write that changes one of these facts refreshes the row in its
 * own transaction (enterprise profile, demand, rating, assets, appraisals, pledge registrations, history imports), so
 * the candidate search ranks from rows that are never behind a committed write. A row also records until when it
 * holds (the day before an asset expires or a later-dated rating or appraisal takes effect); the search refreshes the
 * rows past that before ranking ({@link #refreshStale}).
 */
@Service
public class MatchProfiles {

    /** Bounds the IN lists of a refresh. */
    private static final int CHUNK = 500;

    private final MatchProfileMapper profiles;
    private final BusinessCalendar calendar;

    MatchProfiles(MatchProfileMapper profiles, BusinessCalendar calendar) {
        this.profiles = profiles;
        this.calendar = calendar;
    }

    /** Recomputes one enterprise's profile (in the caller's transaction, after its write). */
    public void refresh(long enterpriseId) {
        profiles.refresh(List.of(enterpriseId), calendar.today());
    }

    /** Recomputes these enterprises' profiles, e.g. after a bulk load. */
    public void refresh(Collection<Long> enterpriseIds) {
        List<Long> ids = enterpriseIds.stream().distinct().toList();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            profiles.refresh(ids.subList(i, Math.min(ids.size(), i + CHUNK)), calendar.today());
        }
    }

    /** Recomputes the profiles of the owners of the assets a pledge registration covers (registered or cancelled). */
    public void refreshPledged(long registrationId) {
        refresh(profiles.pledgedOwners(registrationId));
    }

    /**
     * Brings the profiles that do not hold today up to date (usually none: only on the day a dated fact takes
     * effect); synchronized so that one instance's rankings computed together refresh them once.
     */
    public synchronized void refreshStale() {
        refresh(profiles.stale(calendar.today()));
    }

    /** Gives the enterprises without a profile one: the library as it stood before profiles, or loaded in bulk. */
    @EventListener(ApplicationReadyEvent.class)
    public void fillMissing() {
        refresh(profiles.missing());
    }
}
