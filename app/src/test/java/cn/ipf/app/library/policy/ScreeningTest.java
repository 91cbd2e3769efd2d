package cn.ipf.app.library.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Gates and score under the default rule set, with values worked out by hand. */
class ScreeningTest {

    private static final ScreeningRules DEFAULTS = ScreeningRules.defaults();

    /** The worked example: passes every gate. */
    private static ScreeningFacts example() {
        return new ScreeningFacts(SizeClass.SMALL, false, 3, 1, 1, true, true, false, "AA", false,
                new BigDecimal("2000000"), new BigDecimal("5000000"));
    }

    private static ScreeningFacts facts(SizeClass size, boolean listed, int inventions, int utilityModels,
            boolean defaulted) {
        return new ScreeningFacts(size, listed, inventions, utilityModels, 1, true, true, false, "AA", defaulted,
                new BigDecimal("2000000"), new BigDecimal("5000000"));
    }

    private static ScreeningFacts withInventions(int inventions, int highValue) {
        return new ScreeningFacts(SizeClass.SMALL, false, inventions, 1, highValue, false, false, false, null, false,
                null, BigDecimal.ZERO);
    }

    private static ScreeningFacts withCredit(String rating) {
        return new ScreeningFacts(SizeClass.SMALL, false, 1, 0, 0, false, false, false, rating, false, null,
                BigDecimal.ZERO);
    }

    private static ScreeningFacts withDemand(String demand, String pledgeable) {
        return new ScreeningFacts(SizeClass.SMALL, false, 1, 0, 0, false, false, false, null, false,
                demand == null ? null : new BigDecimal(demand), new BigDecimal(pledgeable));
    }

    private static ScoreLine line(ScreeningResult result, String criterion) {
        return result.lines().stream().filter(l -> l.criterion().equals(criterion)).findFirst().orElseThrow();
    }

    @Test
    void scoresTheWorkedExample() {
        // 3 inventions ≥ 2 → 20; 1 high-value ≥ 1 → 8; 贯标 10; high-tech 8; not 专精特新 0; AA 15;
        // demand 2 000 000 ≤ 0.50 × 5 000 000 = 2 500 000 → 10.  20 + 8 + 10 + 8 + 0 + 15 + 10 = 71 of 100 ≥ 60.
        ScreeningResult result = Screening.evaluate(DEFAULTS, example());

        assertThat(result.lines()).extracting(ScoreLine::criterion, ScoreLine::points, ScoreLine::maxPoints,
                ScoreLine::basis).containsExactly(
                tuple("VALID_INVENTIONS", 20, 30, "3 valid invention patents ≥ 2 → 20"),
                tuple("HIGH_VALUE_PATENTS", 8, 15, "1 valid high-value invention patent ≥ 1 → 8"),
                tuple("IPM_CERTIFICATION", 10, 10, "GB/T 29490 certificate valid → 10"),
                tuple("HIGH_TECH", 8, 8, "high-tech enterprise → 8"),
                tuple("SPECIALIZED", 0, 7, "not a specialized-and-innovative SME → 0"),
                tuple("CREDIT_RATING", 15, 20, "credit rating AA → 15"),
                tuple("DEMAND_FIT", 10, 10,
                        "open demand 2000000 ≤ 0.5 × pledgeable value 5000000 = 2500000 → 10"));
        assertThat(result.score()).isEqualTo(71);
        assertThat(result.maxScore()).isEqualTo(100);
        assertThat(result.threshold()).isEqualTo(60);
        assertThat(result.meetsThreshold()).isTrue();
        assertThat(result.gatesPassed()).isTrue();
        assertThat(result.failedGates()).isEmpty();
        assertThat(result.gates()).extracting(GateResult::gate, GateResult::passed, GateResult::reason)
                .containsExactly(
                        tuple("SME_SIZE", true, "SMALL is an SME size class"),
                        tuple("NOT_DISHONEST", true, "not on the serious-dishonesty list"),
                        tuple("VALID_PATENT", true, "3 valid invention and 1 valid utility-model patents"),
                        tuple("NO_RECENT_DEFAULT", true, "no defaulted loan in the last 3 years"));
    }

    @ParameterizedTest
    @CsvSource({
            "LARGE,  false, 3, 1, false, SME_SIZE,          LARGE is not an SME size class",
            "SMALL,  true,  3, 1, false, NOT_DISHONEST,     on the serious-dishonesty list",
            "SMALL,  false, 0, 0, false, VALID_PATENT,      no valid invention or utility-model patent",
            "SMALL,  false, 3, 1, true,  NO_RECENT_DEFAULT, a defaulted loan in the last 3 years",
    })
    void eachGateFailsAloneAndTheScoreIsStillComplete(SizeClass size, boolean listed, int inventions,
            int utilityModels, boolean defaulted, String gate, String reason) {
        ScreeningFacts facts = facts(size, listed, inventions, utilityModels, defaulted);

        ScreeningResult result = Screening.evaluate(DEFAULTS, facts);

        assertThat(result.gatesPassed()).isFalse();
        assertThat(result.failedGates()).extracting(GateResult::gate, GateResult::reason)
                .containsExactly(tuple(gate, reason));
        assertThat(result.gates()).hasSize(4);
        assertThat(result.lines()).hasSize(7);
        assertThat(result.score()).isEqualTo(result.lines().stream().mapToInt(ScoreLine::points).sum());
    }

    @Test
    void allGatesCanFailTogether() {
        ScreeningResult result = Screening.evaluate(DEFAULTS, facts(SizeClass.LARGE, true, 0, 0, true));

        assertThat(result.failedGates()).extracting(GateResult::gate)
                .containsExactly("SME_SIZE", "NOT_DISHONEST", "VALID_PATENT", "NO_RECENT_DEFAULT");
    }

    @Test
    void aUtilityModelAloneOpensThePatentGate() {
        ScreeningResult result = Screening.evaluate(DEFAULTS, facts(SizeClass.MICRO, false, 0, 1, false));

        assertThat(result.gatesPassed()).isTrue();
        assertThat(line(result, "VALID_INVENTIONS").basis()).isEqualTo("0 valid invention patents < 1 → 0");
    }

    @ParameterizedTest
    @CsvSource({"MICRO", "SMALL", "MEDIUM"})
    void everySmeSizePassesTheSizeGate(SizeClass size) {
        assertThat(Screening.evaluate(DEFAULTS, facts(size, false, 1, 0, false)).gatesPassed()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 10", "2, 20", "4, 20", "5, 30", "100, 30"})
    void inventionTiers(int inventions, int points) {
        assertThat(line(Screening.evaluate(DEFAULTS, withInventions(inventions, 0)), "VALID_INVENTIONS").points())
                .isEqualTo(points);
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 8", "2, 15", "9, 15"})
    void highValueTiers(int highValue, int points) {
        assertThat(line(Screening.evaluate(DEFAULTS, withInventions(9, highValue)), "HIGH_VALUE_PATENTS").points())
                .isEqualTo(points);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "AAA | 20 | credit rating AAA → 20",
            "AA  | 15 | credit rating AA → 15",
            "A   | 10 | credit rating A → 10",
            "BBB | 5  | credit rating BBB → 5",
            "BB  | 0  | credit rating BB not in the table → 0",
            "aa  | 0  | credit rating aa not in the table → 0",
            "    | 0  | no credit rating recorded → 0",
    })
    void creditRating(String rating, int points, String basis) {
        ScoreLine line = line(Screening.evaluate(DEFAULTS, withCredit(rating)), "CREDIT_RATING");

        assertThat(line.points()).isEqualTo(points);
        assertThat(line.maxPoints()).isEqualTo(20);
        assertThat(line.basis()).isEqualTo(basis);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2500000    | 5000000 | 10 | open demand 2500000 ≤ 0.5 × pledgeable value 5000000 = 2500000 → 10",
            "2500000.01 | 5000000 | 5  | open demand 2500000.01 > 0.5 × pledgeable value 5000000 = 2500000 → 5",
            "100        | 0       | 5  | open demand 100 > 0.5 × pledgeable value 0 = 0 → 5",
            "           | 5000000 | 0  | no open financing demand → 0",
    })
    void demandFit(String demand, String pledgeable, int points, String basis) {
        ScoreLine line = line(Screening.evaluate(DEFAULTS, withDemand(demand, pledgeable)), "DEMAND_FIT");

        assertThat(line.points()).isEqualTo(points);
        assertThat(line.maxPoints()).isEqualTo(10);
        assertThat(line.basis()).isEqualTo(basis);
    }

    @Test
    void theThresholdIsInclusive() {
        ScreeningRules at71 = new ScreeningRules(DEFAULTS.inventionTiers(), DEFAULTS.highValueTiers(), 10, 8, 7,
                DEFAULTS.creditRatingPoints(), 10, 5, new BigDecimal("0.50"), 71, 3);
        ScreeningRules at72 = new ScreeningRules(DEFAULTS.inventionTiers(), DEFAULTS.highValueTiers(), 10, 8, 7,
                DEFAULTS.creditRatingPoints(), 10, 5, new BigDecimal("0.50"), 72, 3);

        assertThat(Screening.evaluate(at71, example()).meetsThreshold()).isTrue();
        assertThat(Screening.evaluate(at72, example()).meetsThreshold()).isFalse();
    }

    @Test
    void theBestCaseScoresTheMaximumAndEveryLineItsMaximum() {
        ScreeningFacts best = new ScreeningFacts(SizeClass.MEDIUM, false, 5, 0, 2, true, true, true, "AAA", false,
                new BigDecimal("1"), new BigDecimal("2"));

        ScreeningResult result = Screening.evaluate(DEFAULTS, best);

        assertThat(result.score()).isEqualTo(100).isEqualTo(result.maxScore());
        assertThat(result.lines()).allSatisfy(l -> assertThat(l.points()).isEqualTo(l.maxPoints()));
    }

    @Test
    void theWorstCaseScoresZero() {
        ScreeningFacts worst = new ScreeningFacts(SizeClass.LARGE, true, 0, 0, 0, false, false, false, null, true,
                null, BigDecimal.ZERO);

        ScreeningResult result = Screening.evaluate(DEFAULTS, worst);

        assertThat(result.score()).isZero();
        assertThat(result.meetsThreshold()).isFalse();
        assertThat(result.lines()).extracting(ScoreLine::basis).containsExactly(
                "0 valid invention patents < 1 → 0",
                "0 valid high-value invention patents < 1 → 0",
                "no valid GB/T 29490 certificate → 0",
                "not a high-tech enterprise → 0",
                "not a specialized-and-innovative SME → 0",
                "no credit rating recorded → 0",
                "no open financing demand → 0");
    }
}
