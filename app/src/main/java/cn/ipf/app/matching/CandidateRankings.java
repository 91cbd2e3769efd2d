package cn.ipf.app.matching;

import cn.ipf.app.consent.ConsentChanged;
import cn.ipf.app.library.AdmissionChanged;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * 候选排名缓存 each (bank, product version, day)'s ranking, kept for a short time ({@code ipf.candidates.ranking-ttl},
 * default 60 s, less up to a tenth so that rankings computed together do not expire together) so that paging through
 * candidates, and many banks' systems polling, do not rerun the whole search. A consent or admission change makes the
 * rankings it concerns stale on every instance once it commits: each ranking carries the cluster-wide version it was
 * computed under ({@link RankingVersions}, read before computing), and one of another version is never served. Every
 * page is still checked against the standing consents and admissions when it is served, so a revoked consent or a
 * suspended enterprise is never shown. Other library changes (a new appraisal, rating or demand) reach the ranking
 * within the time it is kept.
 *
 * <p>One computation per key at a time. A key without a ranking makes concurrent requests wait for the same
 * computation; an expired ranking is recomputed by the first request after it expired while the others are served the
 * previous ranking, for at most another time-to-live: under steady traffic nobody waits for a recomputation (measured:
 * a whole product's requests queueing behind one, every minute, is what made the search collapse at 200 requests/s).
 */
@Component
class CandidateRankings {

    record Key(long bankId, long productId, LocalDate on) {
    }

    private record Entry(CompletableFuture<List<CandidateSearch.Ranked>> ranking, long expiresAt,
            AtomicBoolean refreshing, String version) {

        boolean expired(long now) {
            return now - expiresAt >= 0;
        }

        /** Not to be used now: expired, or computed under another version. */
        boolean stale(long now, String current) {
            return expired(now) || !version.equals(current);
        }

        /** Expired, but recent, computed and of the current version: may be served while it is recomputed. */
        boolean servableWhileRefreshing(long now, long graceNanos, String current) {
            return expired(now) && now - expiresAt < graceNanos && version.equals(current) && ranking.isDone()
                    && !ranking.isCompletedExceptionally();
        }
    }

    /** The cluster-wide version of a bank's rankings. */
    @FunctionalInterface
    interface Versions {
        String current(long bankId);
    }

    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Versions versions;
    private final ConcurrentHashMap<Key, Entry> rankings = new ConcurrentHashMap<>();

    @Autowired
    CandidateRankings(@Value("${ipf.candidates.ranking-ttl:60s}") Duration ttl, RankingVersions versions) {
        this(ttl, System::nanoTime, versions::current);
    }

    CandidateRankings(Duration ttl, LongSupplier nanoTime, Versions versions) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
        this.versions = versions;
    }

    List<CandidateSearch.Ranked> get(Key key, Supplier<List<CandidateSearch.Ranked>> compute) {
        // read before computing: a ranking is never newer than the version it is kept under
        String version = versions.current(key.bankId());
        long now = nanoTime.getAsLong();
        Entry kept = rankings.get(key);
        if (kept != null && kept.servableWhileRefreshing(now, ttlNanos, version)) {
            return kept.refreshing().compareAndSet(false, true) ? refresh(key, kept, now, version, compute)
                    : kept.ranking().join();
        }
        Entry fresh = entry(now, version);
        Entry current = rankings.compute(key, (k, old) -> old == null || old.stale(now, version) ? fresh : old);
        if (current != fresh) {
            try {
                return current.ranking().join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        rankings.values().removeIf(e -> now - e.expiresAt() >= ttlNanos);
        try {
            List<CandidateSearch.Ranked> ranking = compute.get();
            fresh.ranking().complete(ranking);
            return ranking;
        } catch (RuntimeException e) {
            rankings.remove(key, fresh);
            fresh.ranking().completeExceptionally(e);
            throw e;
        }
    }

    /** Recomputes an expired ranking while others are served it; a consent change meanwhile keeps the new one out. */
    private List<CandidateSearch.Ranked> refresh(Key key, Entry expired, long now, String version,
            Supplier<List<CandidateSearch.Ranked>> compute) {
        try {
            List<CandidateSearch.Ranked> ranking = compute.get();
            Entry next = entry(now, version);
            next.ranking().complete(ranking);
            rankings.replace(key, expired, next);
            return ranking;
        } catch (RuntimeException e) {
            expired.refreshing().set(false);
            throw e;
        }
    }

    private Entry entry(long now, String version) {
        long jitter = ttlNanos <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ttlNanos / 10 + 1);
        return new Entry(new CompletableFuture<>(), now + ttlNanos - jitter, new AtomicBoolean(), version);
    }

    /** Frees this instance's rankings the change made stale (the version makes them unusable already). */
    @TransactionalEventListener
    void consentChanged(ConsentChanged change) {
        rankings.keySet().removeIf(k -> change.bankId() == null || k.bankId() == change.bankId());
    }

    @TransactionalEventListener
    void admissionChanged(AdmissionChanged change) {
        rankings.clear();
    }
}
