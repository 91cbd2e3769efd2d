package cn.ipf.app.compensation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.compensation.policy.CompensationCalculator.Borne;
import cn.ipf.app.compensation.policy.CompensationCalculator.LayerPayout;
import cn.ipf.app.compensation.policy.CompensationCalculator.Payout;
import cn.ipf.app.compensation.policy.CompensationCalculator.RecoveryReturn;
import cn.ipf.app.compensation.policy.CompensationCalculator.ReturnLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The payout and recovery rules on worked examples, and their invariants over random loans and layer sets. */
class CompensationCalculatorTest {

    private static final CompensationRules DEFAULTS = CompensationRules.defaults(1);

    @Test
    void defaultLayersSplitTheLossBaseOnTheIpShare() {
        Payout p = CompensationCalculator.payout(new BigDecimal("1000000.00"), new BigDecimal("0.8"), DEFAULTS);
        assertThat(p.lossBase()).isEqualByComparingTo("800000.00");
        assertThat(amounts(p)).containsExactly("320000.00", "160000.00", "320000.00");
        assertThat(p.capApplied()).isFalse();
    }

    @Test
    void theBankTakesTheRoundingDifference() {
        Payout p = CompensationCalculator.payout(new BigDecimal("100.01"), BigDecimal.ONE, DEFAULTS);
        assertThat(amounts(p)).containsExactly("40.00", "20.00", "40.01");
        assertThat(p.layers().get(2).roundingAdjustment()).isEqualByComparingTo("0.01");
        assertThat(p.layers().get(0).exact()).isEqualByComparingTo("40.004");
    }

    @Test
    void overTheCapTheFundsSplitTheCapAndTheBankBearsTheRest() {
        Payout p = CompensationCalculator.payout(new BigDecimal("3000000.00"), BigDecimal.ONE, DEFAULTS);
        assertThat(p.fundTotalBeforeCap()).isEqualByComparingTo("1800000.00");
        assertThat(p.capApplied()).isTrue();
        // 1 000 000 × 20/60 = 333 333.33; the provincial fund (largest share) takes the difference
        assertThat(amounts(p)).containsExactly("666666.67", "333333.33", "2000000.00");
        assertThat(p.layers().get(0).amountBeforeCap()).isEqualByComparingTo("1200000.00");
        assertThat(p.layers().get(0).roundingAdjustment()).isEqualByComparingTo("0.00");
        assertThat(p.fundTotal()).isEqualByComparingTo("1000000.00");
    }

    @Test
    void alternativeLayerSets() {
        CompensationRules insured = rules(layer("FUND", LayerKind.FUND, "0.40"), layer("INSURER", LayerKind.INSURER,
                "0.30"), layer("BANK", LayerKind.BANK, "0.30"));
        // L = 617 283.945 → 617 283.95; the insurer 185 185.185 → .19; the bank the rest
        assertThat(amounts(CompensationCalculator.payout(new BigDecimal("1234567.89"), new BigDecimal("0.5"),
                insured))).containsExactly("246913.58", "185185.19", "185185.18");
        CompensationRules zhongshan = rules(layer("FUND", LayerKind.FUND, "0.54"), layer("BANK", LayerKind.BANK,
                "0.26"), layer("INSURER", LayerKind.INSURER, "0.16"), layer("APPRAISER", LayerKind.APPRAISER, "0.04"));
        assertThat(amounts(CompensationCalculator.payout(new BigDecimal("1000000.01"), BigDecimal.ONE, zhongshan)))
                .containsExactly("540000.01", "260000.00", "160000.00", "40000.00");
    }

    @Test
    void aFewFenNeverMakeTheBankNegative() {
        CompensationRules thin = rules(layer("A", LayerKind.FUND, "0.33"), layer("B", LayerKind.FUND, "0.33"),
                layer("C", LayerKind.INSURER, "0.33"), layer("BANK", LayerKind.BANK, "0.01"));
        Payout p = CompensationCalculator.payout(new BigDecimal("0.02"), BigDecimal.ONE, thin);
        assertThat(p.layers()).allSatisfy(l -> assertThat(l.amount().signum()).isNotNegative());
        assertThat(sum(p)).isEqualByComparingTo("0.02");
    }

    @Test
    void recoveriesGoBackInProportionAndNeverBeyondWhatWasBorne() {
        Payout p = CompensationCalculator.payout(new BigDecimal("1000000.00"), new BigDecimal("0.8"), DEFAULTS);
        RecoveryReturn first = CompensationCalculator.recoveryReturn(borne(p, List.of()),
                new BigDecimal("120000.00"), new BigDecimal("20000.00"));
        assertThat(first.net()).isEqualByComparingTo("100000.00");
        assertThat(returned(first)).containsExactly("40000.00", "20000.00", "40000.00");
        assertThat(first.surplus()).isEqualByComparingTo("0");

        RecoveryReturn large = CompensationCalculator.recoveryReturn(borne(p, returnedOf(first)),
                new BigDecimal("900000.00"), BigDecimal.ZERO);
        assertThat(large.distributable()).isEqualByComparingTo("700000.00");
        assertThat(large.surplus()).as("beyond L: the bank's").isEqualByComparingTo("200000.00");
        assertThat(returned(large)).containsExactly("280000.00", "140000.00", "280000.00");

        RecoveryReturn costly = CompensationCalculator.recoveryReturn(borne(p, List.of()), new BigDecimal("10"),
                new BigDecimal("25"));
        assertThat(costly.net()).as("never negative").isEqualByComparingTo("0");
        assertThat(returned(costly)).containsExactly("0.00", "0.00", "0.00");
    }

    @Property(tries = 500)
    void layersSumToTheLossBaseNoneNegativeFundsWithinTheCap(@ForAll @LongRange(min = 0, max = 5_000_000_000L) long fen,
            @ForAll @IntRange(min = 1, max = 10000) int shareBp, @ForAll long seed,
            @ForAll @LongRange(min = 1, max = 200_000_000L) long capFen) {
        CompensationRules rules = randomRules(new Random(seed), BigDecimal.valueOf(capFen, 2));
        Payout p = CompensationCalculator.payout(BigDecimal.valueOf(fen, 2), BigDecimal.valueOf(shareBp, 4), rules);
        assertThat(sum(p)).isEqualByComparingTo(p.lossBase());
        assertThat(p.layers()).allSatisfy(l -> assertThat(l.amount().signum()).isNotNegative());
        assertThat(p.fundTotal()).isLessThanOrEqualTo(rules.fundCapPerLoan());
        assertThat(p.capApplied()).isEqualTo(p.fundTotalBeforeCap().compareTo(rules.fundCapPerLoan()) > 0);
    }

    @Property(tries = 300)
    void returnsNeverExceedWhatWasBorne(@ForAll @LongRange(min = 0, max = 500_000_000L) long fen,
            @ForAll long seed) {
        Random random = new Random(seed);
        Payout p = CompensationCalculator.payout(BigDecimal.valueOf(fen, 2), BigDecimal.ONE,
                randomRules(random, new BigDecimal("1000000.00")));
        List<BigDecimal> returnedSoFar = new ArrayList<>(p.layers().stream().map(l -> BigDecimal.ZERO).toList());
        BigDecimal netSoFar = BigDecimal.ZERO;
        for (int r = 0; r < 1 + random.nextInt(4); r++) {
            BigDecimal gross = BigDecimal.valueOf((long) (random.nextDouble() * fen * 0.8), 2);
            BigDecimal costs = BigDecimal.valueOf((long) (random.nextDouble() * fen * 0.1), 2);
            RecoveryReturn back = CompensationCalculator.recoveryReturn(borne(p, returnedSoFar), gross, costs);
            assertThat(back.lines().stream().map(ReturnLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(back.distributable());
            assertThat(back.surplus().signum()).isNotNegative();
            assertThat(back.distributable().add(back.surplus())).isEqualByComparingTo(back.net());
            for (int i = 0; i < back.lines().size(); i++) {
                assertThat(back.lines().get(i).amount().signum()).isNotNegative();
                returnedSoFar.set(i, returnedSoFar.get(i).add(back.lines().get(i).amount()));
                assertThat(returnedSoFar.get(i)).isLessThanOrEqualTo(p.layers().get(i).amount());
            }
            netSoFar = netSoFar.add(back.net());
        }
        BigDecimal total = returnedSoFar.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).as("everything recovered up to L is returned").isEqualByComparingTo(
                netSoFar.min(p.lossBase()));
    }

    /** 2 to 5 layers with random shares summing to 1 (4 decimals), one of them the bank's, at least one fund. */
    private static CompensationRules randomRules(Random random, BigDecimal cap) {
        int n = 2 + random.nextInt(4);
        TreeSet<Integer> cuts = new TreeSet<>();
        while (cuts.size() < n - 1) {
            cuts.add(1 + random.nextInt(9999));
        }
        List<Layer> layers = new ArrayList<>();
        int previous = 0;
        int bank = random.nextInt(n);
        int fund = (bank + 1 + random.nextInt(n - 1)) % n;
        List<Integer> points = new ArrayList<>(cuts);
        points.add(10000);
        for (int i = 0; i < n; i++) {
            LayerKind kind = i == bank ? LayerKind.BANK : i == fund || random.nextBoolean() ? LayerKind.FUND
                    : LayerKind.INSURER;
            layers.add(new Layer("L" + i, "layer " + i, kind, BigDecimal.valueOf(points.get(i) - previous, 4)));
            previous = points.get(i);
        }
        CompensationRules rules = new CompensationRules(1, layers, cap, 90, 365, BigDecimal.TEN, new BigDecimal("3"));
        assertThat(rules.problems()).isEmpty();
        return rules;
    }

    static Layer layer(String code, LayerKind kind, String share) {
        return new Layer(code, code, kind, new BigDecimal(share));
    }

    static CompensationRules rules(Layer... layers) {
        return new CompensationRules(1, List.of(layers), new BigDecimal("1000000.00"), 90, 365, BigDecimal.TEN,
                new BigDecimal("3"));
    }

    private static List<Borne> borne(Payout p, List<BigDecimal> returned) {
        List<Borne> borne = new ArrayList<>();
        for (int i = 0; i < p.layers().size(); i++) {
            LayerPayout l = p.layers().get(i);
            borne.add(new Borne(l.layer(), l.amount(), returned.isEmpty() ? BigDecimal.ZERO : returned.get(i)));
        }
        return borne;
    }

    private static List<BigDecimal> returnedOf(RecoveryReturn r) {
        return r.lines().stream().map(ReturnLine::amount).toList();
    }

    private static List<String> returned(RecoveryReturn r) {
        return r.lines().stream().map(l -> l.amount().toPlainString()).toList();
    }

    private static List<String> amounts(Payout p) {
        return p.layers().stream().map(l -> l.amount().toPlainString()).toList();
    }

    private static BigDecimal sum(Payout p) {
        return p.layers().stream().map(LayerPayout::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
