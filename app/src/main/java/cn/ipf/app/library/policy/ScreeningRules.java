package cn.ipf.app.library.policy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * 入库筛选规则 screening rules of the project library: the hard gates are fixed (see {@link Screening}); these are the
 * points of the weighted score, the admission threshold and the default look-back.
 *
 * @param inventionTiers points by number of valid invention patents: minCount strictly ascending, points
 *     non-decreasing; the highest tier reached counts
 * @param highValueTiers the same, by number of valid high-value invention patents
 * @param ipmCertificationPoints a GB/T 29490 (贯标) certificate valid on the evaluation date
 * @param highTechPoints high-tech enterprise (高新技术企业)
 * @param specializedPoints specialized-and-innovative SME (专精特新)
 * @param creditRatingPoints latest credit rating, matched exactly, → points; a rating not listed scores 0
 * @param demandCoveredPoints open financing demand ≤ pledgeable value × coverage ratio
 * @param demandUncoveredPoints open demand above that; no open demand scores 0
 * @param demandCoverageRatio &gt; 0
 * @param admissionThreshold 0..maxScore; the re-review flags entries scoring below it
 * @param defaultLookbackYears ≥ 1; the service looks this far back for a defaulted loan
 */
public record ScreeningRules(
        List<Tier> inventionTiers,
        List<Tier> highValueTiers,
        int ipmCertificationPoints,
        int highTechPoints,
        int specializedPoints,
        Map<String, Integer> creditRatingPoints,
        int demandCoveredPoints,
        int demandUncoveredPoints,
        BigDecimal demandCoverageRatio,
        int admissionThreshold,
        int defaultLookbackYears) {

    /** From {@code minCount} patents on (≥ 1), {@code points} (≥ 0). */
    public record Tier(int minCount, int points) {
        public Tier {
            if (minCount < 1 || points < 0) {
                throw new IllegalArgumentException("a tier needs minCount ≥ 1 and points ≥ 0");
            }
        }
    }

    static final int MAX_POINTS = 1000;
    static final int MAX_LOOKBACK_YEARS = 50;

    public ScreeningRules {
        inventionTiers = checkedTiers("inventionTiers", inventionTiers);
        highValueTiers = checkedTiers("highValueTiers", highValueTiers);
        if (creditRatingPoints == null || creditRatingPoints.values().stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("creditRatingPoints must map ratings to points");
        }
        creditRatingPoints = Map.copyOf(creditRatingPoints);
        // bounded so that no sum of points can overflow and no look-back can leave the calendar
        if (Stream.concat(Stream.concat(inventionTiers.stream(), highValueTiers.stream()).map(Tier::points),
                Stream.concat(Stream.of(ipmCertificationPoints, highTechPoints, specializedPoints, demandCoveredPoints,
                        demandUncoveredPoints), creditRatingPoints.values().stream())).anyMatch(p -> p > MAX_POINTS)) {
            throw new IllegalArgumentException("no criterion may be worth more than " + MAX_POINTS + " points");
        }
        if (defaultLookbackYears > MAX_LOOKBACK_YEARS) {
            throw new IllegalArgumentException("defaultLookbackYears must be at most " + MAX_LOOKBACK_YEARS);
        }
        Objects.requireNonNull(demandCoverageRatio, "demandCoverageRatio");
        if (ipmCertificationPoints < 0 || highTechPoints < 0 || specializedPoints < 0 || demandCoveredPoints < 0
                || demandUncoveredPoints < 0 || creditRatingPoints.values().stream().anyMatch(p -> p < 0)) {
            throw new IllegalArgumentException("points must not be negative");
        }
        if (demandCoverageRatio.signum() <= 0) {
            throw new IllegalArgumentException("demandCoverageRatio must be positive");
        }
        if (defaultLookbackYears < 1) {
            throw new IllegalArgumentException("defaultLookbackYears must be at least 1");
        }
        int max = maxScore(inventionTiers, highValueTiers, ipmCertificationPoints, highTechPoints, specializedPoints,
                creditRatingPoints, demandCoveredPoints, demandUncoveredPoints);
        if (admissionThreshold < 0 || admissionThreshold > max) {
            throw new IllegalArgumentException("admissionThreshold must lie in 0.." + max);
        }
    }

    /**
     * The shipped default: inventions 1 → 10, 2 → 20, 5 → 30; high-value 1 → 8, 2 → 15; 贯标 10; high-tech 8;
     * 专精特新 7; credit AAA 20, AA 15, A 10, BBB 5; demand covered at 50 % of pledgeable value 10, not covered 5;
     * threshold 60 of 100; look back 3 years.
     */
    public static ScreeningRules defaults() {
        return new ScreeningRules(
                List.of(new Tier(1, 10), new Tier(2, 20), new Tier(5, 30)),
                List.of(new Tier(1, 8), new Tier(2, 15)),
                10, 8, 7,
                Map.of("AAA", 20, "AA", 15, "A", 10, "BBB", 5),
                10, 5, new BigDecimal("0.50"),
                60, 3);
    }

    /** Highest possible score: the top tier of each ladder plus every other criterion at its best. */
    public int maxScore() {
        return maxScore(inventionTiers, highValueTiers, ipmCertificationPoints, highTechPoints, specializedPoints,
                creditRatingPoints, demandCoveredPoints, demandUncoveredPoints);
    }

    /** The credit ratings that score, best paid first (then by name): the order they are shown in. */
    public Map<String, Integer> creditRatingPointsBestPaidFirst() {
        Map<String, Integer> ordered = new LinkedHashMap<>();
        creditRatingPoints.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    static int topPoints(List<Tier> tiers) {
        return tiers.isEmpty() ? 0 : tiers.get(tiers.size() - 1).points();
    }

    static int bestCreditPoints(Map<String, Integer> creditRatingPoints) {
        return creditRatingPoints.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    private static int maxScore(List<Tier> inventionTiers, List<Tier> highValueTiers, int ipm, int highTech,
            int specialized, Map<String, Integer> credit, int covered, int uncovered) {
        return topPoints(inventionTiers) + topPoints(highValueTiers) + ipm + highTech + specialized
                + bestCreditPoints(credit) + Math.max(covered, uncovered);
    }

    private static List<Tier> checkedTiers(String name, List<Tier> tiers) {
        if (tiers == null || tiers.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(name + ": tiers must be a list of tiers");
        }
        List<Tier> copy = List.copyOf(tiers);
        for (int i = 1; i < copy.size(); i++) {
            Tier prev = copy.get(i - 1);
            Tier cur = copy.get(i);
            if (cur.minCount() <= prev.minCount() || cur.points() < prev.points()) {
                throw new IllegalArgumentException(
                        name + ": tiers must have ascending minCount and non-decreasing points");
            }
        }
        return copy;
    }
}
