package cn.ipf.app.simulation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.compensation.policy.CompensationRules;
import cn.ipf.app.compensation.policy.Layer;
import cn.ipf.app.compensation.policy.LayerKind;
import cn.ipf.app.simulation.policy.CompensationWhatIf.FundCost;
import cn.ipf.app.simulation.policy.CompensationWhatIf.Recovery;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** What a claim costs the funds under a rule set, on hand-computed examples and over random loans and recoveries. */
class CompensationWhatIfTest {

    private static final CompensationRules IN_FORCE = CompensationRules.defaults(1);
    private static final List<Layer> HALF_THIRTY_TWENTY = List.of(
            new Layer("PROVINCIAL_FUND", "省级", LayerKind.FUND, new BigDecimal("0.50")),
            new Layer("MUNICIPAL_FUND", "市级", LayerKind.FUND, new BigDecimal("0.30")),
            new Layer("BANK", "银行", LayerKind.BANK, new BigDecimal("0.20")));

    @Test
    void theFundsPayTheirLayersAndGetBackTheirShareOfRecoveries() {
        // L = 1 000 000: funds 400 000 + 200 000; of 150 000 recovered they get 60 000 + 30 000
        FundCost cost = CompensationWhatIf.fundCost(new BigDecimal("1000000.00"), BigDecimal.ONE, IN_FORCE,
                List.of(new Recovery(new BigDecimal("150000.00"), BigDecimal.ZERO)));
        assertThat(cost.paid()).isEqualByComparingTo("600000.00");
        assertThat(cost.returned()).isEqualByComparingTo("90000.00");
    }

    @Test
    void otherLayersAndALowerCap() {
        // 800 000 before a cap of 700 000: 437 500 + 262 500; the bank bears 300 000 and the recovery of 150 000
        // returns 65 625 + 39 375 to the funds, in proportion to what each bore
        CompensationRules alternative = CompensationWhatIf.override(IN_FORCE, HALF_THIRTY_TWENTY,
                new BigDecimal("700000.00"));
        assertThat(alternative.overdueDays()).as("kept").isEqualTo(IN_FORCE.overdueDays());
        FundCost cost = CompensationWhatIf.fundCost(new BigDecimal("1000000.00"), BigDecimal.ONE, alternative,
                List.of(new Recovery(new BigDecimal("150000.00"), BigDecimal.ZERO)));
        assertThat(cost.paid()).isEqualByComparingTo("700000.00");
        assertThat(cost.returned()).isEqualByComparingTo("105000.00");
    }

    @Test
    void laterRecoveriesReturnOnlyWhatIsStillBorne() {
        // L = 100 000 × 0.5 = 50 000: funds bear 30 000; 40 000 net first returns 24 000 to them, then a second
        // 40 000 can give back only the 6 000 they still bear (the rest of L is the bank's, the surplus too)
        FundCost cost = CompensationWhatIf.fundCost(new BigDecimal("100000.00"), new BigDecimal("0.5"), IN_FORCE,
                List.of(new Recovery(new BigDecimal("45000.00"), new BigDecimal("5000.00")),
                        new Recovery(new BigDecimal("40000.00"), BigDecimal.ZERO)));
        assertThat(cost.paid()).isEqualByComparingTo("30000.00");
        assertThat(cost.returned()).isEqualByComparingTo("30000.00");
    }

    @Property(tries = 300)
    void theFundsNeverGetBackMoreThanTheyPaid(@ForAll @LongRange(min = 1, max = 500_000_000) long outstandingFen,
            @ForAll @IntRange(min = 1, max = 10_000) int shareBp, @ForAll @IntRange(min = 0, max = 4) int recoveries,
            @ForAll @LongRange(min = 0, max = 300_000_000) long recoveryFen) {
        List<Recovery> list = new ArrayList<>();
        for (int i = 0; i < recoveries; i++) {
            list.add(new Recovery(BigDecimal.valueOf(recoveryFen * (i + 1), 2), BigDecimal.valueOf(recoveryFen / 10,
                    2)));
        }
        BigDecimal outstanding = BigDecimal.valueOf(outstandingFen, 2);
        BigDecimal share = BigDecimal.valueOf(shareBp, 4);
        for (CompensationRules rules : List.of(IN_FORCE, CompensationWhatIf.override(IN_FORCE, HALF_THIRTY_TWENTY,
                new BigDecimal("700000.00")))) {
            FundCost cost = CompensationWhatIf.fundCost(outstanding, share, rules, list);
            assertThat(cost.paid()).isBetween(BigDecimal.ZERO, rules.fundCapPerLoan());
            assertThat(cost.returned()).isBetween(BigDecimal.ZERO, cost.paid());
            assertThat(cost.paid().scale()).isEqualTo(2);
        }
    }
}
