package cn.ipf.app.subsidy.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 费用补贴计算 one fee claim: ratio × invoice amount, rounded HALF_UP to the fen once, then the annual cap of the kind
 * per enterprise and calendar year of the invoice date (what earlier standing claims of that year used is given).
 */
public final class FeeSubsidyCalculator {

    private FeeSubsidyCalculator() {
    }

    /** What is subsidised: the evaluation (appraisal) fee, or the premium of a 政银保 policy. */
    public enum Kind { EVALUATION_FEE, INSURANCE_PREMIUM }

    /** ELIGIBLE: in full; CAPPED: what remained of the cap; CAP_EXHAUSTED: nothing remained. */
    public enum Reason { ELIGIBLE, CAPPED, CAP_EXHAUSTED }

    public record Result(BigDecimal ratio, BigDecimal annualCap, BigDecimal amountBeforeCap,
            BigDecimal capRemainingBefore, BigDecimal amount, Reason reason) {
    }

    public static Result compute(FeeSubsidyRules rules, Kind kind, BigDecimal invoiceAmount, BigDecimal usedThisYear) {
        BigDecimal ratio = kind == Kind.EVALUATION_FEE ? rules.evaluationFeeRatio() : rules.insurancePremiumRatio();
        BigDecimal cap = (kind == Kind.EVALUATION_FEE ? rules.evaluationFeeAnnualCap()
                : rules.insurancePremiumAnnualCap()).setScale(2);
        BigDecimal beforeCap = invoiceAmount.multiply(ratio).setScale(2, RoundingMode.HALF_UP);
        BigDecimal remaining = cap.subtract(usedThisYear).max(BigDecimal.ZERO).setScale(2);
        if (beforeCap.signum() > 0 && remaining.signum() == 0) {
            return new Result(ratio, cap, beforeCap, remaining, remaining, Reason.CAP_EXHAUSTED);
        }
        if (beforeCap.compareTo(remaining) > 0) {
            return new Result(ratio, cap, beforeCap, remaining, remaining, Reason.CAPPED);
        }
        return new Result(ratio, cap, beforeCap, remaining, beforeCap, Reason.ELIGIBLE);
    }
}
