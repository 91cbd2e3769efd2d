package cn.ipf.app.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ipf.app.consent.ConsentChanged;
import cn.ipf.app.product.ProductChanged;
import cn.ipf.app.product.ProductRecord;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** When a ranking is computed, reused, served stale while it is recomputed, and dropped. */
class CandidateRankingsTest {

    private static final Duration TTL = Duration.ofSeconds(60);
    private static final CandidateRankings.Key KEY = new CandidateRankings.Key(1, 7, LocalDate.of(2026, 11, 22));

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    /** The cluster-wide version per bank (the database in production). */
    private final Map<Long, String> versions = new ConcurrentHashMap<>();
    /** Refreshes run on the calling thread, so a test sees a refresh's result at the next request. */
    private final CandidateRankings rankings = new CandidateRankings(TTL, now::get,
            bank -> versions.getOrDefault(bank, "v0"), Runnable::run);
    private final AtomicInteger computations = new AtomicInteger();

    @Test
    void aRankingIsComputedOnceAndRefreshedAfterItsTimeToLive() {
        assertThat(rankings.get(KEY, rankings.version(1), ranking(1))).hasSize(1);
        later(Duration.ofSeconds(59));
        assertThat(rankings.get(KEY, rankings.version(1), ranking(2))).as("kept for its TTL").hasSize(1);
        assertThat(computations).hasValue(1);
        later(Duration.ofSeconds(2));
        assertThat(rankings.get(KEY, rankings.version(1), ranking(3))).as("due: served as it is while it is refreshed").hasSize(1);
        assertThat(computations).as("refreshed with the computation it was made with").hasValue(2);
        assertThat(rankings.get(KEY, rankings.version(1), ranking(4))).as("and the refreshed ranking is kept").hasSize(1);
        assertThat(computations).hasValue(2);
    }

    @Test
    void othersAreServedTheRankingWhileOneRefreshIsRunning() throws Exception {
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger size = new AtomicInteger(1);
        CandidateRankings background = new CandidateRankings(TTL, now::get, bank -> "v0",
                r -> new Thread(r).start());
        background.get(KEY, background.version(1), () -> {
            if (size.get() > 1) {
                computing.countDown();
                await(release);
            }
            return ranked(size.get());
        });
        size.set(2);
        later(TTL.plusSeconds(1));
        assertThat(background.get(KEY, background.version(1), ranking(9))).as("served at once, refresh started").hasSize(1);
        assertThat(computing.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(background.get(KEY, background.version(1), ranking(9))).as("still served while refreshing").hasSize(1);
        release.countDown();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (background.get(KEY, background.version(1), ranking(9)).size() != 2 && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertThat(background.get(KEY, background.version(1), ranking(9))).hasSize(2);
        assertThat(computations).as("the ranking(9) suppliers never ran").hasValue(0);
    }

    @Test
    void aRankingOlderThanTwiceItsTimeToLiveIsNotServed() {
        rankings.get(KEY, rankings.version(1), ranking(1));
        later(TTL.multipliedBy(2));
        assertThat(rankings.get(KEY, rankings.version(1), ranking(2))).hasSize(2);
    }

    @Test
    void aFailedRefreshKeepsTheRankingAndTheNextDueRequestTriesAgain() {
        AtomicInteger calls = new AtomicInteger();
        rankings.get(KEY, rankings.version(1), () -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("database gone");
            }
            return ranked(calls.get());
        });
        later(TTL.plusSeconds(1));
        assertThat(rankings.get(KEY, rankings.version(1), ranking(9))).as("the failed refresh is not the request's failure").hasSize(1);
        assertThat(rankings.get(KEY, rankings.version(1), ranking(9))).as("tried again").hasSize(3);
    }

    @Test
    void aFailedFirstComputationIsTheRequestsFailureAndNothingIsKept() {
        assertThatThrownBy(() -> rankings.get(KEY, rankings.version(1), () -> {
            throw new IllegalStateException("database gone");
        })).hasMessage("database gone");
        assertThat(rankings.get(KEY, rankings.version(1), ranking(3))).hasSize(3);
    }

    @Test
    void aConsentChangeDropsTheBanksRankings() {
        rankings.get(KEY, rankings.version(1), ranking(1));
        rankings.consentChanged(new ConsentChanged(1L, 2L));
        assertThat(rankings.get(KEY, rankings.version(1), ranking(2))).as("another bank's change").hasSize(1);
        rankings.consentChanged(new ConsentChanged(1L, 1L));
        assertThat(rankings.get(KEY, rankings.version(1), ranking(3))).hasSize(3);
        rankings.consentChanged(new ConsentChanged(1L, null));
        assertThat(rankings.get(KEY, rankings.version(1), ranking(4))).as("a consent to every bank").hasSize(4);
    }

    @Test
    void aRankingOfAnotherVersionIsNeverServedNorServedWhileRefreshing() {
        rankings.get(KEY, rankings.version(1), ranking(1));
        versions.put(2L, "v1");
        assertThat(rankings.get(KEY, rankings.version(1), ranking(2))).as("another bank's version").hasSize(1);
        // another instance committed a change for bank 1: this instance's ranking is stale at once
        versions.put(1L, "v1");
        assertThat(rankings.get(KEY, rankings.version(1), ranking(3))).hasSize(3);
        assertThat(rankings.get(KEY, rankings.version(1), ranking(4))).as("kept under the new version").hasSize(3);
        later(TTL.plusSeconds(1));
        versions.put(1L, "v2");
        int before = computations.get();
        assertThat(rankings.get(KEY, rankings.version(1), ranking(5))).as("due and of an old version: recomputed under v2 (here by the"
                + " refresh, which reads the version first) before answering").hasSize(3);
        assertThat(computations).hasValue(before + 1);
    }

    @Test
    void theCurrentProductIsKeptUnderTheBanksVersion() {
        AtomicInteger lookups = new AtomicInteger();
        Supplier<ProductRecord> lookup = () -> new ProductRecord((long) lookups.incrementAndGet(), 1, "LP1", 1,
                "ACTIVE", "知识产权贷", null, null, 12, 36, 0, 100, null, false, null, null, null, 0, null, null, null,
                null);
        rankings.product(1, 7, rankings.version(1), lookup);
        assertThat(rankings.product(1, 7, rankings.version(1), lookup).id()).isEqualTo(1);
        rankings.product(1, 8, rankings.version(1), lookup);
        assertThat(lookups).as("once per product asked for").hasValue(2);
        // a revision or withdrawal of one of bank 1's products, here or on another instance, bumps its version
        versions.put(1L, "v1");
        rankings.product(1, 7, rankings.version(1), lookup);
        assertThat(lookups).hasValue(3);
        rankings.productChanged(new ProductChanged(1));
        rankings.product(1, 7, rankings.version(1), lookup);
        assertThat(lookups).as("and this instance's copies are dropped when it is told").hasValue(4);
    }

    @Test
    void aTimeToLiveOfZeroKeepsNothing() {
        CandidateRankings uncached = new CandidateRankings(Duration.ZERO, now::get, bank -> "v0", Runnable::run);
        uncached.get(KEY, uncached.version(1), ranking(1));
        assertThat(uncached.get(KEY, uncached.version(1), ranking(2))).hasSize(2);
    }

    private void later(Duration d) {
        now.addAndGet(d.toNanos());
    }

    /** A computation counting itself and answering a ranking of n candidates. */
    private Supplier<List<CandidateSearch.Candidate>> ranking(int n) {
        return () -> {
            computations.incrementAndGet();
            return ranked(n);
        };
    }

    private List<CandidateSearch.Candidate> ranked(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> new CandidateSearch.Candidate(
                i + 1, java.util.Set.of(), null, false, List.of(), null, null))
                .toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
