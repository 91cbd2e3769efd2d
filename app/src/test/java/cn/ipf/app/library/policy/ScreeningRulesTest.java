package cn.ipf.app.library.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ipf.app.library.policy.ScreeningRules.Tier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The rule set refuses what cannot be scored consistently, and cannot be changed once built. */
class ScreeningRulesTest {

    /** A mutable copy of the defaults, so each test changes exactly one thing. */
    private static final class Draft {
        List<Tier> inventionTiers = List.of(new Tier(1, 10), new Tier(2, 20), new Tier(5, 30));
        List<Tier> highValueTiers = List.of(new Tier(1, 8), new Tier(2, 15));
        int ipm = 10;
        int highTech = 8;
        int specialized = 7;
        Map<String, Integer> credit = Map.of("AAA", 20, "AA", 15, "A", 10, "BBB", 5);
        int covered = 10;
        int uncovered = 5;
        BigDecimal ratio = new BigDecimal("0.50");
        int threshold = 60;
        int lookback = 3;

        ScreeningRules build() {
            return new ScreeningRules(inventionTiers, highValueTiers, ipm, highTech, specialized, credit, covered,
                    uncovered, ratio, threshold, lookback);
        }
    }

    private static ScreeningRules with(Consumer<Draft> change) {
        Draft d = new Draft();
        change.accept(d);
        return d.build();
    }

    private static void refused(Consumer<Draft> change) {
        assertThatThrownBy(() -> with(change)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        ScreeningRules defaults = ScreeningRules.defaults();

        assertThat(defaults).isEqualTo(new Draft().build());
        // 30 + 15 + 10 + 8 + 7 + 20 + max(10, 5) = 100
        assertThat(defaults.maxScore()).isEqualTo(100);
        assertThat(defaults.admissionThreshold()).isEqualTo(60);
        assertThat(defaults.defaultLookbackYears()).isEqualTo(3);
    }

    @Test
    void maxScoreTakesTheTopTierTheBestRatingAndTheBetterDemandOutcome() {
        ScreeningRules rules = with(d -> {
            d.inventionTiers = List.of();
            d.highValueTiers = List.of(new Tier(3, 12));
            d.credit = Map.of();
            d.covered = 2;
            d.uncovered = 6;
            d.threshold = 0;
        });

        // 0 + 12 + 10 + 8 + 7 + 0 + max(2, 6) = 43
        assertThat(rules.maxScore()).isEqualTo(43);
    }

    @Test
    void acceptsEqualPointsOnConsecutiveTiersAndAThresholdOfExactlyMaxScore() {
        ScreeningRules rules = with(d -> {
            d.inventionTiers = List.of(new Tier(1, 10), new Tier(3, 10));
            d.threshold = 80;
        });

        assertThat(rules.maxScore()).isEqualTo(80);
    }

    @Test
    void refusesTiersOutOfOrder() {
        refused(d -> d.inventionTiers = List.of(new Tier(2, 20), new Tier(1, 10)));
        refused(d -> d.highValueTiers = List.of(new Tier(2, 8), new Tier(1, 15)));
    }

    @Test
    void refusesTiersWithTheSameMinCount() {
        refused(d -> d.inventionTiers = List.of(new Tier(1, 10), new Tier(1, 20)));
    }

    @Test
    void refusesDecreasingPoints() {
        refused(d -> d.inventionTiers = List.of(new Tier(1, 20), new Tier(2, 10)));
        refused(d -> d.highValueTiers = List.of(new Tier(1, 15), new Tier(2, 8)));
    }

    @Test
    void refusesTiersWithNegativePointsOrNoPatents() {
        assertThatThrownBy(() -> new Tier(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tier(0, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNegativePoints() {
        refused(d -> d.ipm = -1);
        refused(d -> d.highTech = -1);
        refused(d -> d.specialized = -1);
        refused(d -> d.covered = -1);
        refused(d -> d.uncovered = -1);
        refused(d -> d.credit = Map.of("AAA", 20, "C", -5));
    }

    @Test
    void refusesAThresholdOutsideZeroToMaxScore() {
        refused(d -> d.threshold = -1);
        refused(d -> d.threshold = 101);
        assertThat(with(d -> d.threshold = 100).admissionThreshold()).isEqualTo(100);
        assertThat(with(d -> d.threshold = 0).admissionThreshold()).isZero();
    }

    @Test
    void refusesARatioThatIsNotPositive() {
        refused(d -> d.ratio = BigDecimal.ZERO);
        refused(d -> d.ratio = new BigDecimal("-0.5"));
        assertThatThrownBy(() -> with(d -> d.ratio = null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void refusesALookbackBelowOneYear() {
        refused(d -> d.lookback = 0);
    }

    @Test
    void isImmutable() {
        List<Tier> tiers = new ArrayList<>(List.of(new Tier(1, 10)));
        Map<String, Integer> credit = new HashMap<>(Map.of("AAA", 20));
        ScreeningRules rules = with(d -> {
            d.inventionTiers = tiers;
            d.credit = credit;
            d.threshold = 0;
        });

        tiers.add(new Tier(2, 50));
        credit.put("AA", 90);

        assertThat(rules.inventionTiers()).containsExactly(new Tier(1, 10));
        assertThat(rules.creditRatingPoints()).containsOnlyKeys("AAA");
        assertThatThrownBy(() -> rules.inventionTiers().add(new Tier(3, 60)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> rules.creditRatingPoints().put("A", 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void resultListsAreImmutable() {
        ScreeningResult result = Screening.evaluate(ScreeningRules.defaults(), new ScreeningFacts(SizeClass.SMALL,
                false, 1, 0, 0, false, false, false, null, false, null, BigDecimal.ZERO));

        assertThatThrownBy(() -> result.gates().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> result.lines().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void factsRefuseNegativeCountsAndAmounts() {
        assertThatThrownBy(() -> new ScreeningFacts(SizeClass.SMALL, false, -1, 0, 0, false, false, false, null,
                false, null, BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScreeningFacts(SizeClass.SMALL, false, 0, 0, 0, false, false, false, null,
                false, new BigDecimal("-1"), BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScreeningFacts(SizeClass.SMALL, false, 0, 0, 0, false, false, false, null,
                false, null, new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScreeningFacts(SizeClass.SMALL, false, 0, 0, 0, false, false, false, null,
                false, null, null)).isInstanceOf(NullPointerException.class);
    }
}
