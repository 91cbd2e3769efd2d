package cn.ipf.app.subsidy.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * 费用补贴参数 one version of a programme's fee-subsidy parameters. The shipped default (Shandong 2017/2020): 50 % of
 * the evaluation fee, at most 50 000.00 per enterprise per calendar year of the invoice date; 50 % of the insurance
 * premium (政银保), at most 20 000.00 per enterprise per calendar year.
 */
public record FeeSubsidyRules(BigDecimal evaluationFeeRatio, BigDecimal evaluationFeeAnnualCap,
        BigDecimal insurancePremiumRatio, BigDecimal insurancePremiumAnnualCap) {

    public static FeeSubsidyRules defaults() {
        return new FeeSubsidyRules(new BigDecimal("0.50"), new BigDecimal("50000.00"), new BigDecimal("0.50"),
                new BigDecimal("20000.00"));
    }

    /** What is wrong with these parameters (empty when they can be used). */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        SubsidyRuleChecks.ratio(problems, "evaluationFeeRatio", evaluationFeeRatio);
        SubsidyRuleChecks.money(problems, "evaluationFeeAnnualCap", evaluationFeeAnnualCap);
        SubsidyRuleChecks.ratio(problems, "insurancePremiumRatio", insurancePremiumRatio);
        SubsidyRuleChecks.money(problems, "insurancePremiumAnnualCap", insurancePremiumAnnualCap);
        return problems;
    }
}
