package cn.ipf.app.library.policy;

import cn.ipf.app.library.policy.ScreeningRules.Tier;
import java.math.BigDecimal;
import java.util.List;

/**
 * 入库筛选 screening of an enterprise for the project library: four hard gates (SME size, not on the
 * serious-dishonesty list, at least one valid invention or utility-model patent, no recent defaulted loan), then the
 * weighted score of {@link ScreeningRules}.
 */
public final class Screening {

    private Screening() {
    }

    /** Always evaluates every gate and every score line: reviewers see the full breakdown even when a gate fails. */
    public static ScreeningResult evaluate(ScreeningRules rules, ScreeningFacts facts) {
        List<GateResult> gates = List.of(
                smeSize(facts.sizeClass()),
                notDishonest(facts.dishonestyListed()),
                validPatent(facts.validInventionPatents(), facts.validUtilityModelPatents()),
                noRecentDefault(facts.defaultedLoanWithinLookback(), rules.defaultLookbackYears()));
        List<ScoreLine> lines = List.of(
                tierLine("VALID_INVENTIONS", rules.inventionTiers(), facts.validInventionPatents(),
                        "valid invention patent"),
                tierLine("HIGH_VALUE_PATENTS", rules.highValueTiers(), facts.validHighValuePatents(),
                        "valid high-value invention patent"),
                flagLine("IPM_CERTIFICATION", facts.ipmCertified(), rules.ipmCertificationPoints(),
                        "GB/T 29490 certificate valid", "no valid GB/T 29490 certificate"),
                flagLine("HIGH_TECH", facts.highTech(), rules.highTechPoints(),
                        "high-tech enterprise", "not a high-tech enterprise"),
                flagLine("SPECIALIZED", facts.specialized(), rules.specializedPoints(),
                        "specialized-and-innovative SME", "not a specialized-and-innovative SME"),
                creditLine(rules, facts.creditRating()),
                demandLine(rules, facts.openDemandAmount(), facts.pledgeableValue()));
        int score = lines.stream().mapToInt(ScoreLine::points).sum();
        return new ScreeningResult(gates, lines, score, rules.maxScore(), rules.admissionThreshold());
    }

    private static GateResult smeSize(SizeClass size) {
        return size.isSme()
                ? new GateResult("SME_SIZE", true, size + " is an SME size class")
                : new GateResult("SME_SIZE", false, size + " is not an SME size class");
    }

    private static GateResult notDishonest(boolean listed) {
        return listed
                ? new GateResult("NOT_DISHONEST", false, "on the serious-dishonesty list")
                : new GateResult("NOT_DISHONEST", true, "not on the serious-dishonesty list");
    }

    private static GateResult validPatent(int inventions, int utilityModels) {
        return inventions + utilityModels >= 1
                ? new GateResult("VALID_PATENT", true,
                        inventions + " valid invention and " + utilityModels + " valid utility-model patents")
                : new GateResult("VALID_PATENT", false, "no valid invention or utility-model patent");
    }

    private static GateResult noRecentDefault(boolean defaulted, int years) {
        return defaulted
                ? new GateResult("NO_RECENT_DEFAULT", false, "a defaulted loan in the last " + years + " years")
                : new GateResult("NO_RECENT_DEFAULT", true, "no defaulted loan in the last " + years + " years");
    }

    private static ScoreLine tierLine(String criterion, List<Tier> tiers, int count, String noun) {
        Tier reached = null;
        for (Tier t : tiers) {
            if (t.minCount() <= count) {
                reached = t;
            }
        }
        String counted = count + " " + noun + (count == 1 ? "" : "s");
        int max = ScreeningRules.topPoints(tiers);
        if (reached != null) {
            return new ScoreLine(criterion, reached.points(), max,
                    counted + " ≥ " + reached.minCount() + " → " + reached.points());
        }
        String below = tiers.isEmpty() ? ", no tiers" : " < " + tiers.get(0).minCount();
        return new ScoreLine(criterion, 0, max, counted + below + " → 0");
    }

    private static ScoreLine flagLine(String criterion, boolean present, int points, String yes, String no) {
        return present
                ? new ScoreLine(criterion, points, points, yes + " → " + points)
                : new ScoreLine(criterion, 0, points, no + " → 0");
    }

    private static ScoreLine creditLine(ScreeningRules rules, String rating) {
        int max = ScreeningRules.bestCreditPoints(rules.creditRatingPoints());
        if (rating == null) {
            return new ScoreLine("CREDIT_RATING", 0, max, "no credit rating recorded → 0");
        }
        Integer points = rules.creditRatingPoints().get(rating);
        return points == null
                ? new ScoreLine("CREDIT_RATING", 0, max, "credit rating " + rating + " not in the table → 0")
                : new ScoreLine("CREDIT_RATING", points, max, "credit rating " + rating + " → " + points);
    }

    /** Covered when the demand is at most pledgeable value × ratio: an exact comparison, nothing is rounded. */
    private static ScoreLine demandLine(ScreeningRules rules, BigDecimal demand, BigDecimal pledgeable) {
        int max = Math.max(rules.demandCoveredPoints(), rules.demandUncoveredPoints());
        if (demand == null) {
            return new ScoreLine("DEMAND_FIT", 0, max, "no open financing demand → 0");
        }
        BigDecimal coverable = pledgeable.multiply(rules.demandCoverageRatio());
        String sum = plain(rules.demandCoverageRatio()) + " × pledgeable value " + plain(pledgeable) + " = "
                + plain(coverable);
        return demand.compareTo(coverable) <= 0
                ? new ScoreLine("DEMAND_FIT", rules.demandCoveredPoints(), max,
                        "open demand " + plain(demand) + " ≤ " + sum + " → " + rules.demandCoveredPoints())
                : new ScoreLine("DEMAND_FIT", rules.demandUncoveredPoints(), max,
                        "open demand " + plain(demand) + " > " + sum + " → " + rules.demandUncoveredPoints());
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
