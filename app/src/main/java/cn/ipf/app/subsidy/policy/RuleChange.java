package cn.ipf.app.subsidy.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * 参数对比 one field of a programme's parameters, as in force and as proposed in a new version, so that an
 * administrator sees what a version changes (old → new) before confirming it. Amounts compare by value (0.6 = 0.60).
 */
public record RuleChange(String field, Kind kind, Object before, Object after) {

    /** How the field's values read: a date, a share (0.60 = 60%), money, a count, basis points (null = no limit). */
    public enum Kind {
        DATE, SHARE, MONEY, COUNT, BASIS_POINTS
    }

    public boolean changed() {
        if (before instanceof BigDecimal b && after instanceof BigDecimal a) {
            return b.compareTo(a) != 0;
        }
        return !Objects.equals(before, after);
    }

    /** Every field of a version, in the form's order; {@code before} is null-valued when nothing is in force. */
    public static List<RuleChange> between(LocalDate fromBefore, InterestSubsidyRules interestBefore,
            FeeSubsidyRules feesBefore, LocalDate fromAfter, InterestSubsidyRules interestAfter,
            FeeSubsidyRules feesAfter) {
        InterestSubsidyRules ib = interestBefore;
        FeeSubsidyRules fb = feesBefore;
        return List.of(
                new RuleChange("effectiveFrom", Kind.DATE, fromBefore, fromAfter),
                new RuleChange("interest.lprRatio", Kind.SHARE, ib == null ? null : ib.lprRatio(),
                        interestAfter.lprRatio()),
                new RuleChange("interest.annualCap", Kind.MONEY, ib == null ? null : ib.annualCap(),
                        interestAfter.annualCap()),
                new RuleChange("interest.windowMonths", Kind.COUNT, ib == null ? null : ib.windowMonths(),
                        interestAfter.windowMonths()),
                new RuleChange("interest.maxSpreadBp", Kind.BASIS_POINTS, ib == null ? null : ib.maxSpreadBp(),
                        interestAfter.maxSpreadBp()),
                new RuleChange("fees.evaluationFeeRatio", Kind.SHARE, fb == null ? null : fb.evaluationFeeRatio(),
                        feesAfter.evaluationFeeRatio()),
                new RuleChange("fees.evaluationFeeAnnualCap", Kind.MONEY,
                        fb == null ? null : fb.evaluationFeeAnnualCap(), feesAfter.evaluationFeeAnnualCap()),
                new RuleChange("fees.insurancePremiumRatio", Kind.SHARE,
                        fb == null ? null : fb.insurancePremiumRatio(), feesAfter.insurancePremiumRatio()),
                new RuleChange("fees.insurancePremiumAnnualCap", Kind.MONEY,
                        fb == null ? null : fb.insurancePremiumAnnualCap(), feesAfter.insurancePremiumAnnualCap()));
    }
}
