package cn.ipf.app.simulation.policy;

import cn.ipf.app.compensation.policy.CompensationCalculator;
import cn.ipf.app.compensation.policy.CompensationCalculator.Borne;
import cn.ipf.app.compensation.policy.CompensationCalculator.LayerPayout;
import cn.ipf.app.compensation.policy.CompensationCalculator.Payout;
import cn.ipf.app.compensation.policy.CompensationCalculator.RecoveryReturn;
import cn.ipf.app.compensation.policy.CompensationRules;
import cn.ipf.app.compensation.policy.Layer;
import cn.ipf.app.compensation.policy.LayerKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * 风险补偿模拟 what a claim costs the funds under a rule set: the payout's FUND layers, and what the loan's recoveries
 * return to them, each recovery in turn as the risk-compensation job would return it (from what the layers still
 * bear). Both through {@link CompensationCalculator}; only the bookkeeping of what was returned before lives here.
 */
public final class CompensationWhatIf {

    private CompensationWhatIf() {
    }

    /** A recovery of the loan: gross amount and disposal costs. */
    public record Recovery(BigDecimal gross, BigDecimal disposalCosts) {
    }

    /** What the funds pay on the claim and get back from its recoveries. */
    public record FundCost(BigDecimal paid, BigDecimal returned) {
    }

    public static FundCost fundCost(BigDecimal outstandingAtDefault, BigDecimal ipShare, CompensationRules rules,
            List<Recovery> recoveries) {
        Payout payout = CompensationCalculator.payout(outstandingAtDefault, ipShare, rules);
        List<Borne> borne = new ArrayList<>();
        for (LayerPayout layer : payout.layers()) {
            borne.add(new Borne(layer.layer(), layer.amount(), BigDecimal.ZERO));
        }
        BigDecimal returned = BigDecimal.ZERO;
        for (Recovery recovery : recoveries) {
            RecoveryReturn back = CompensationCalculator.recoveryReturn(borne, recovery.gross(),
                    recovery.disposalCosts());
            for (int i = 0; i < borne.size(); i++) {
                Borne b = borne.get(i);
                BigDecimal amount = back.lines().get(i).amount();
                borne.set(i, new Borne(b.layer(), b.amount(), b.returnedBefore().add(amount)));
                if (b.layer().kind() == LayerKind.FUND) {
                    returned = returned.add(amount);
                }
            }
        }
        return new FundCost(payout.fundTotal(), returned);
    }

    /** The rule set with the given layers and fund cap in place of its own; null keeps its own. */
    public static CompensationRules override(CompensationRules rules, List<Layer> layers, BigDecimal fundCapPerLoan) {
        return new CompensationRules(rules.version(), layers == null ? rules.layers() : layers,
                fundCapPerLoan == null ? rules.fundCapPerLoan() : fundCapPerLoan, rules.overdueDays(),
                rules.filingWindowDays(), rules.leverageTarget(), rules.nplTolerancePp());
    }
}
