package cn.ipf.app.matching;

import cn.ipf.app.consent.ConsentChanged;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * 候选排名缓存 each (bank, product version, day)'s ranking, kept for a short time ({@code ipf.candidates.ranking-ttl},
 * default 60 s) so that paging through candidates, and many banks' systems polling, do not rerun the whole search.
 * A consent change drops the rankings of the banks it concerns once it commits; every page is still checked against
 * the standing consents and admissions when it is served, so a revoked consent or a suspended enterprise is never
 * shown. Other library changes (a new appraisal, rating or demand) reach the ranking within the time it is kept.
 * One computation per key at a time: concurrent requests for it wait for the same result.
 */
@Component
class CandidateRankings {

    record Key(long bankId, long productId, LocalDate on) {
    }

    private record Entry(CompletableFuture<List<CandidateSearch.Ranked>> ranking, long expiresAt) {

        boolean expired(long now) {
            return now - expiresAt >= 0;
        }
    }

    private final long ttlNanos;
    private final ConcurrentHashMap<Key, Entry> rankings = new ConcurrentHashMap<>();

    CandidateRankings(@Value("${ipf.candidates.ranking-ttl:60s}") Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    List<CandidateSearch.Ranked> get(Key key, Supplier<List<CandidateSearch.Ranked>> compute) {
        long now = System.nanoTime();
        Entry fresh = new Entry(new CompletableFuture<>(), now + ttlNanos);
        Entry current = rankings.compute(key, (k, old) -> old == null || old.expired(now) ? fresh : old);
        if (current != fresh) {
            try {
                return current.ranking().join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        rankings.values().removeIf(e -> e.expired(now));
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

    @TransactionalEventListener
    void consentChanged(ConsentChanged change) {
        rankings.keySet().removeIf(k -> change.bankId() == null || k.bankId() == change.bankId());
    }
}
