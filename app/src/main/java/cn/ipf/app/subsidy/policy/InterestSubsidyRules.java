package cn.ipf.app.subsidy.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * 贴息参数 one version of a programme's interest-subsidy parameters. The shipped default (鲁市监知促字〔2024〕92号 as
 * implemented in Qingdao): 60 % of the 1-year LPR of the month before the contract month, on the IP share, for the
 * first 12 months after disbursement, at most 500 000.00 per enterprise per calendar year; no rate limit.
 *
 * @param lprRatio        share of the reference LPR subsidised (0.60)
 * @param annualCap       per enterprise per calendar year of the paid date
 * @param windowMonths    months after disbursement during which interest is subsidised
 * @param maxSpreadBp     the loan rate may exceed the reference LPR by at most this many basis points; null = no limit
 * @param disabledGates   gates switched off (what-if simulations; empty in force)
 */
public record InterestSubsidyRules(int version, BigDecimal lprRatio, BigDecimal annualCap, int windowMonths,
        Integer maxSpreadBp, Set<Reason> disabledGates) {

    public static InterestSubsidyRules defaults(int version) {
        return new InterestSubsidyRules(version, new BigDecimal("0.60"), new BigDecimal("500000.00"), 12, null,
                Set.of());
    }

    public boolean checks(Reason gate) {
        return !disabledGates.contains(gate);
    }

    /** What is wrong with these parameters (empty when they can be used). */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        SubsidyRuleChecks.ratio(problems, "lprRatio", lprRatio);
        SubsidyRuleChecks.money(problems, "annualCap", annualCap);
        if (windowMonths < 1 || windowMonths > 120) {
            problems.add("windowMonths must be between 1 and 120");
        }
        if (maxSpreadBp != null && (maxSpreadBp < -500 || maxSpreadBp > 2000)) {
            problems.add("maxSpreadBp must be between -500 and 2000 when set");
        }
        if (disabledGates == null || disabledGates.stream().anyMatch(r -> r == null || !r.isGate())) {
            problems.add("disabledGates may only name gates");
        }
        return problems;
    }

    /** Why a line gets what it gets; gates in the order they are checked. */
    public enum Reason {
        NOT_ADMITTED, NOT_SME, BLACKLISTED, PLEDGE_AFTER_DISBURSEMENT, NO_FIRST_PLEDGE_INVENTION,
        OTHER_FISCAL_SUBSIDY, RATE_ABOVE_LIMIT, LATE_PAYMENT, OUTSIDE_WINDOW,
        /** Subsidised in full. */
        ELIGIBLE,
        /** Subsidised with what remained of the annual cap. */
        CAPPED,
        /** Nothing left of the annual cap. */
        CAP_EXHAUSTED;

        /** A loan or payment gate (the reasons before ELIGIBLE), as opposed to an outcome of the amount and cap. */
        public boolean isGate() {
            return compareTo(ELIGIBLE) < 0;
        }

        /** A gate about the loan, established once per loan (the reasons before LATE_PAYMENT). */
        public boolean isLoanGate() {
            return compareTo(LATE_PAYMENT) < 0;
        }
    }
}
