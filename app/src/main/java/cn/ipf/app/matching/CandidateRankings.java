package cn.ipf.app.matching;

import cn.ipf.app.consent.ConsentChanged;
import cn.ipf.app.library.AdmissionChanged;
import cn.ipf.app.product.ProductChanged;
import cn.ipf.app.product.ProductRecord;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * 候选排名缓存 each (bank, product version, day)'s ranking in a Caffeine cache: refreshed in the background once it is
 * older than {@code ipf.candidates.ranking-ttl} (default 60 s) while requests go on being served the ranking they
 * have, and dropped when it is twice that old, so paging and many banks' systems polling neither rerun the whole
 * search nor queue behind its recomputation. A ranking holds its candidates' cards with the data scopes shared, and
 * is served as it is: no page re-reads consents or admissions.
 *
 * <p>Why a revoked consent is never shown: every ranking carries the version of the bank's rankings it was computed
 * under ({@link RankingVersions}, read before computing), and every request reads the current version first and is
 * served only a ranking of that version; one of another version is recomputed before answering. A consent, admission
 * or product change bumps the version in its own transaction, so once the revocation has committed every request
 * reads a newer version than any ranking that could still show the enterprise (a bump cannot be lost: without it
 * the revocation does not commit). A product revision is a new product version, hence a new key. Which version of a
 * product is current is kept the same way, under the bank's version (a revision or withdrawal bumps it), so that a
 * page costs no product lookup. Other library changes (a new appraisal, rating or demand, a card's data) reach the
 * ranking at its next refresh.
 */
@Component
class CandidateRankings {

    record Key(long bankId, long productId, LocalDate on) {
    }

    /** A ranking, the version it was computed under and how to compute it again. */
    private record Entry(List<CandidateSearch.Candidate> ranking, String version,
            Supplier<List<CandidateSearch.Candidate>> compute) {
    }

    /** The cluster-wide version of a bank's rankings. */
    @FunctionalInterface
    interface Versions {
        String current(long bankId);
    }

    /** The current version of the product a bank asked for by one of its ids, and the version it was read under. */
    private record Product(ProductRecord current, String version) {
    }

    private record ProductKey(long bankId, long productId) {
    }

    private final Versions versions;
    private final LoadingCache<Key, Entry> rankings;
    private final Cache<ProductKey, Product> products;

    @Autowired
    CandidateRankings(@Value("${ipf.candidates.ranking-ttl:60s}") Duration ttl, RankingVersions versions) {
        this(ttl, System::nanoTime, versions::current, ForkJoinPool.commonPool());
    }

    CandidateRankings(Duration ttl, LongSupplier nanoTime, Versions versions, Executor refresher) {
        this.versions = versions;
        // a TTL of 0 (the benchmark's uncached search) keeps nothing
        Caffeine<Object, Object> builder = Caffeine.newBuilder().ticker(nanoTime::getAsLong).executor(refresher);
        builder = ttl.isZero() ? builder.maximumSize(0)
                : builder.refreshAfterWrite(ttl).expireAfterWrite(ttl.multipliedBy(2));
        Caffeine<Object, Object> products = Caffeine.newBuilder().ticker(nanoTime::getAsLong);
        this.products = (ttl.isZero() ? products.maximumSize(0)
                : products.maximumSize(10_000).expireAfterWrite(ttl.multipliedBy(2))).build();
        this.rankings = builder.build(new CacheLoader<>() {
            @Override
            public Entry load(Key key) {
                throw new UnsupportedOperationException("rankings are loaded with their computation");
            }

            @Override
            public Entry reload(Key key, Entry old) {
                return compute(key, old.compute());
            }
        });
    }

    /** The version to use and compute under for one request: read it before anything it covers. */
    String version(long bankId) {
        return versions.current(bankId);
    }

    /** The current version of the bank's product named by any of its ids, as {@code lookup} finds it. */
    ProductRecord product(long bankId, long productId, String version, Supplier<ProductRecord> lookup) {
        ProductKey key = new ProductKey(bankId, productId);
        Product kept = products.getIfPresent(key);
        if (kept != null && kept.version().equals(version)) {
            return kept.current();
        }
        ProductRecord current = lookup.get();
        products.put(key, new Product(current, version));
        return current;
    }

    List<CandidateSearch.Candidate> get(Key key, String version, Supplier<List<CandidateSearch.Candidate>> compute) {
        Entry kept = rankings.get(key, k -> new Entry(compute.get(), version, compute));
        if (kept.version().equals(version)) {
            return kept.ranking();
        }
        // one computation per key: concurrent requests for the stale key wait for it
        return rankings.asMap().compute(key, (k, old) -> old != null && old.version().equals(version) ? old
                : new Entry(compute.get(), version, compute)).ranking();
    }

    private Entry compute(Key key, Supplier<List<CandidateSearch.Candidate>> compute) {
        String version = versions.current(key.bankId());
        return new Entry(compute.get(), version, compute);
    }

    /** Frees this instance's rankings the change made stale (the version makes them unusable already). */
    @TransactionalEventListener
    void consentChanged(ConsentChanged change) {
        rankings.asMap().keySet().removeIf(k -> change.bankId() == null || k.bankId() == change.bankId());
    }

    @TransactionalEventListener
    void admissionChanged(AdmissionChanged change) {
        rankings.invalidateAll();
    }

    @TransactionalEventListener
    void productChanged(ProductChanged change) {
        products.asMap().keySet().removeIf(k -> k.bankId() == change.bankId());
    }
}
