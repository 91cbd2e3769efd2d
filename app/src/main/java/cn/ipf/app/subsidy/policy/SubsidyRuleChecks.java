package cn.ipf.app.subsidy.policy;

import java.math.BigDecimal;
import java.util.List;

/** The bounds every subsidy parameter shares: ratios in (0, 1] with at most 4 decimals, money ≥ 0 to the fen. */
final class SubsidyRuleChecks {

    private SubsidyRuleChecks() {
    }

    static void ratio(List<String> problems, String name, BigDecimal value) {
        if (value == null || value.signum() <= 0 || value.compareTo(BigDecimal.ONE) > 0
                || value.stripTrailingZeros().scale() > 4) {
            problems.add(name + " must be in (0, 1] with at most 4 decimals");
        }
    }

    static void money(List<String> problems, String name, BigDecimal value) {
        if (value == null || value.signum() < 0 || value.stripTrailingZeros().scale() > 2
                || value.compareTo(new BigDecimal("1000000000000")) >= 0) {
            problems.add(name + " must be an amount of at least 0 with at most 2 decimals");
        }
    }
}
