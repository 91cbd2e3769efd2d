package cn.ipf.app.library.policy;

import cn.ipf.app.shared.policy.FieldChange;
import cn.ipf.app.shared.policy.FieldChange.Kind;
import cn.ipf.app.shared.policy.FieldChange.Part;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * 规则对比 screening rule sets, as in force and as proposed in a new version, field by field: the tiers by their count,
 * the credit ratings best paid first, and the highest possible score the points add up to.
 */
public final class ScreeningRuleChanges {

    private ScreeningRuleChanges() {
    }

    /** Every field of a rule set, in the form's order; {@code before} is null when nothing is in force. */
    public static List<FieldChange> between(LocalDate fromBefore, ScreeningRules before, LocalDate fromAfter,
            ScreeningRules after) {
        return Stream.of(
                List.of(new FieldChange("effectiveFrom", Kind.DATE, fromBefore, fromAfter)),
                entries("inventionTier", before, after, r -> byCount(r.inventionTiers())),
                entries("highValueTier", before, after, r -> byCount(r.highValueTiers())),
                List.of(points("ipmCertificationPoints", before, after, ScreeningRules::ipmCertificationPoints),
                        points("highTechPoints", before, after, ScreeningRules::highTechPoints),
                        points("specializedPoints", before, after, ScreeningRules::specializedPoints)),
                entries("creditRating", before, after, ScreeningRules::creditRatingPointsBestPaidFirst),
                List.of(points("demandCoveredPoints", before, after, ScreeningRules::demandCoveredPoints),
                        points("demandUncoveredPoints", before, after, ScreeningRules::demandUncoveredPoints),
                        FieldChange.of("demandCoverageRatio", Kind.SHARE, before, after,
                                ScreeningRules::demandCoverageRatio),
                        points("admissionThreshold", before, after, ScreeningRules::admissionThreshold),
                        points("maxScore", before, after, ScreeningRules::maxScore),
                        FieldChange.of("defaultLookbackYears", Kind.COUNT, before, after,
                                ScreeningRules::defaultLookbackYears)))
                .flatMap(List::stream).toList();
    }

    private static FieldChange points(String field, ScreeningRules before, ScreeningRules after,
            Function<ScreeningRules, Integer> points) {
        return FieldChange.of(field, Kind.POINTS, before, after, points);
    }

    /** Entries scored by points (tiers by count, lowest first; ratings), each shown as {@code field}. */
    private static <K> List<FieldChange> entries(String field, ScreeningRules before, ScreeningRules after,
            Function<ScreeningRules, Map<K, Integer>> entries) {
        return FieldChange.entries(before == null ? Map.of() : entries.apply(before), entries.apply(after),
                List.of(new Part<>(field, Kind.POINTS, p -> p)));
    }

    private static Map<Integer, Integer> byCount(List<ScreeningRules.Tier> tiers) {
        Map<Integer, Integer> byCount = new TreeMap<>();
        tiers.forEach(t -> byCount.put(t.minCount(), t.points()));
        return byCount;
    }
}
