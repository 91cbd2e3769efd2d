package cn.ipf.app.compensation.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * 风险补偿规则 one version of a programme's rules. The shipped default (鲁财工〔2020〕9号 as implemented in Weihai,
 * CBIRC 2019 for the NPL tolerance, Haikou / Wuhan for the 10× leverage): provincial fund 40 %, municipal fund 20 %,
 * bank 40 % of the loss base; the funds together pay at most 1 000 000.00 per loan; a loan qualifies after 90 days
 * overdue and the bank files within 365 days after it first qualified; a bank should lend at least 10× the fund
 * money attributed to it, and its IP-pledge NPL rate should not exceed its overall NPL rate by more than 3 points.
 *
 * @param layers           in order; exactly one BANK layer, at least one FUND layer, shares summing to 1
 * @param fundCapPerLoan   the most the FUND layers together pay for one loan
 * @param overdueDays      days overdue on the claim date for a loan to qualify
 * @param filingWindowDays days after the loan first qualified within which the bank files
 * @param leverageTarget   outstanding pledged principal ÷ attributed fund money should reach this
 * @param nplTolerancePp   percentage points the IP-pledge NPL rate may exceed the bank's overall rate
 */
public record CompensationRules(int version, List<Layer> layers, BigDecimal fundCapPerLoan, int overdueDays,
        int filingWindowDays, BigDecimal leverageTarget, BigDecimal nplTolerancePp) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    public static CompensationRules defaults(int version) {
        return new CompensationRules(version, List.of(
                new Layer("PROVINCIAL_FUND", "省级风险补偿资金", LayerKind.FUND, new BigDecimal("0.40")),
                new Layer("MUNICIPAL_FUND", "市级风险补偿资金", LayerKind.FUND, new BigDecimal("0.20")),
                new Layer("BANK", "合作银行", LayerKind.BANK, new BigDecimal("0.40"))),
                new BigDecimal("1000000.00"), 90, 365, BigDecimal.TEN, new BigDecimal("3"));
    }

    public CompensationRules withVersion(int v) {
        return new CompensationRules(v, layers, fundCapPerLoan, overdueDays, filingWindowDays, leverageTarget,
                nplTolerancePp);
    }

    /** What is wrong with these rules (empty when they can be used). */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (layers == null || layers.isEmpty()) {
            problems.add("layers must not be empty");
        } else {
            BigDecimal sum = BigDecimal.ZERO;
            Set<String> codes = new HashSet<>();
            for (Layer layer : layers) {
                if (layer == null || layer.code() == null || !CODE.matcher(layer.code()).matches()) {
                    problems.add("layer codes are 1-32 of A-Z, 0-9 and _, starting with a letter");
                    continue;
                }
                if (!codes.add(layer.code())) {
                    problems.add("layer code " + layer.code() + " is repeated");
                }
                if (layer.kind() == null || layer.name() == null || layer.name().isBlank()) {
                    problems.add("layer " + layer.code() + " needs a kind and a name");
                }
                if (layer.share() == null || layer.share().signum() <= 0 || layer.share().compareTo(BigDecimal.ONE) > 0
                        || layer.share().stripTrailingZeros().scale() > 4) {
                    problems.add("layer " + layer.code() + ": share must be in (0, 1] with at most 4 decimals");
                } else {
                    sum = sum.add(layer.share());
                }
            }
            if (sum.compareTo(BigDecimal.ONE) != 0) {
                problems.add("layer shares must sum to 1 (they sum to " + sum.toPlainString() + ")");
            }
            if (layers.stream().filter(l -> l != null && l.kind() == LayerKind.BANK).count() != 1) {
                problems.add("exactly one layer must be the BANK's");
            }
            if (layers.stream().noneMatch(l -> l != null && l.kind() == LayerKind.FUND)) {
                problems.add("at least one layer must be a FUND's");
            }
        }
        if (fundCapPerLoan == null || fundCapPerLoan.compareTo(new BigDecimal("0.01")) < 0
                || fundCapPerLoan.stripTrailingZeros().scale() > 2) {
            problems.add("fundCapPerLoan must be at least 0.01, in fen");
        }
        if (overdueDays < 1 || overdueDays > 3650) {
            problems.add("overdueDays must be between 1 and 3650");
        }
        if (filingWindowDays < 1 || filingWindowDays > 3650) {
            problems.add("filingWindowDays must be between 1 and 3650");
        }
        if (leverageTarget == null || leverageTarget.signum() <= 0) {
            problems.add("leverageTarget must be positive");
        }
        if (nplTolerancePp == null || nplTolerancePp.signum() < 0 || nplTolerancePp.compareTo(new BigDecimal(100)) > 0) {
            problems.add("nplTolerancePp must be between 0 and 100");
        }
        return problems;
    }
}
