package cn.ipf.app.subsidy.policy;

import cn.ipf.app.shared.policy.FieldChange;
import cn.ipf.app.shared.policy.FieldChange.Kind;
import java.time.LocalDate;
import java.util.List;

/** 参数对比 a programme's parameters, as in force and as proposed in a new version, field by field. */
public final class RuleChanges {

    private RuleChanges() {
    }

    /** Every field of a version, in the form's order; {@code before} is null-valued when nothing is in force. */
    public static List<FieldChange> between(LocalDate fromBefore, InterestSubsidyRules interestBefore,
            FeeSubsidyRules feesBefore, LocalDate fromAfter, InterestSubsidyRules interestAfter,
            FeeSubsidyRules feesAfter) {
        InterestSubsidyRules ib = interestBefore;
        FeeSubsidyRules fb = feesBefore;
        return List.of(
                new FieldChange("effectiveFrom", Kind.DATE, fromBefore, fromAfter),
                new FieldChange("interest.lprRatio", Kind.SHARE, ib == null ? null : ib.lprRatio(),
                        interestAfter.lprRatio()),
                new FieldChange("interest.annualCap", Kind.MONEY, ib == null ? null : ib.annualCap(),
                        interestAfter.annualCap()),
                new FieldChange("interest.windowMonths", Kind.COUNT, ib == null ? null : ib.windowMonths(),
                        interestAfter.windowMonths()),
                new FieldChange("interest.maxSpreadBp", Kind.BASIS_POINTS, ib == null ? null : ib.maxSpreadBp(),
                        interestAfter.maxSpreadBp()),
                new FieldChange("fees.evaluationFeeRatio", Kind.SHARE, fb == null ? null : fb.evaluationFeeRatio(),
                        feesAfter.evaluationFeeRatio()),
                new FieldChange("fees.evaluationFeeAnnualCap", Kind.MONEY,
                        fb == null ? null : fb.evaluationFeeAnnualCap(), feesAfter.evaluationFeeAnnualCap()),
                new FieldChange("fees.insurancePremiumRatio", Kind.SHARE,
                        fb == null ? null : fb.insurancePremiumRatio(), feesAfter.insurancePremiumRatio()),
                new FieldChange("fees.insurancePremiumAnnualCap", Kind.MONEY,
                        fb == null ? null : fb.insurancePremiumAnnualCap(), feesAfter.insurancePremiumAnnualCap()));
    }
}
