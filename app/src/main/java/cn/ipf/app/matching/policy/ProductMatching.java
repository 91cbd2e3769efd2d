package cn.ipf.app.matching.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * 银企对接 matching an enterprise with a loan product, explainably: every hard criterion is evaluated and reported
 * with its reason (never only the first failure), and eligible matches get a documented score.
 *
 * <p>Hard criteria: the product is open on the date; the enterprise's district and industry are targeted; it has an
 * open demand whose amount and term lie inside the product's ranges; it owns a pledgeable asset (valid, under no
 * active pledge) of an accepted collateral kind; its latest credit rating reaches the product's minimum; it has at
 * least the minimum number of valid invention patents.
 *
 * <p>Score (0–100): coverage 50 × min(1, pledge capacity ÷ demand), where pledge capacity = max pledge rate × the
 * appraised value of the enterprise's pledgeable assets of accepted kinds (rounded down); rate 30 − spreadBpMin ÷ 10,
 * kept within 0..30 (a product priced at LPR scores 30, at LPR + 300 bp or more 0); 20 when the enterprise named the
 * bank among its preferred banks.
 */
public final class ProductMatching {

    /** Rating scale, best first. */
    public static final List<String> RATINGS = List.of("AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C");
    static final int COVERAGE_POINTS = 50;
    static final int RATE_POINTS = 30;
    static final int PREFERRED_BANK_POINTS = 20;
    private static final List<String> MIXED_PARTS = List.of("INVENTION", "UTILITY_MODEL", "DESIGN", "TRADEMARK");

    private ProductMatching() {
    }

    /** What a product asks. Empty district / industry lists mean every district / industry. */
    public record Product(long bankId, BigDecimal amountMin, BigDecimal amountMax, int termMonthsMin,
            int termMonthsMax, int spreadBpMin, BigDecimal maxPledgeRate, Set<String> acceptedCollateral,
            Set<String> districts, Set<String> industryPrefixes, String minCreditRating, int minValidInventions,
            LocalDate windowStart, LocalDate windowEnd) {
    }

    /**
     * What the enterprise brings. {@code assetValues}: collateral kind → appraised value of its pledgeable assets of
     * that kind; a kind is owned when it is a key (value ZERO when owned but not appraised). MIXED is owned when both
     * patents and trademarks are.
     */
    public record Enterprise(String districtCode, String industryCode, BigDecimal demandAmount, Integer demandTermMonths,
            Set<Long> preferredBankIds, String creditRating, int validInventions, Map<String, BigDecimal> assetValues) {
    }

    /**
     * Why a criterion passed or failed, or how a score part was found: a message key with its arguments, so that a
     * page says it in the reader's language, and the same in English for the API.
     */
    public record Reason(String key, List<String> args, String text) {

        static Reason of(String key, String english, Object... args) {
            return new Reason(key, Stream.of(args).map(String::valueOf).toList(), english.formatted(args));
        }
    }

    /** One hard criterion. */
    public record Criterion(String name, boolean passed, Reason why) {

        public String reason() {
            return why.text();
        }
    }

    /** One part of the score. */
    public record ScorePart(String name, int points, int maxPoints, Reason why) {

        public String basis() {
            return why.text();
        }
    }

    /** The verdict on one enterprise–product pair. */
    public record Match(List<Criterion> criteria, List<ScorePart> score, int total) {

        public boolean eligible() {
            return criteria.stream().allMatch(Criterion::passed);
        }
    }

    public static Match evaluate(Product p, Enterprise e, LocalDate on) {
        List<Criterion> c = new ArrayList<>();
        boolean open = !on.isBefore(p.windowStart()) && (p.windowEnd() == null || !on.isAfter(p.windowEnd()));
        String end = p.windowEnd() == null ? "" : p.windowEnd().toString();
        c.add(new Criterion("WINDOW", open, open ? Reason.of("WINDOW_OPEN", "open on %s", on)
                : Reason.of("WINDOW_CLOSED", "open %s..%s, not on %s", p.windowStart(), end, on)));
        boolean district = p.districts().isEmpty() || p.districts().contains(e.districtCode());
        c.add(new Criterion("DISTRICT", district, district
                ? Reason.of("DISTRICT_SERVED", "district %s served", e.districtCode())
                : Reason.of("DISTRICT_NOT_SERVED", "district %s not among %s", e.districtCode(), p.districts())));
        boolean industry = p.industryPrefixes().isEmpty()
                || p.industryPrefixes().stream().anyMatch(e.industryCode()::startsWith);
        c.add(new Criterion("INDUSTRY", industry, industry
                ? Reason.of("INDUSTRY_SERVED", "industry %s served", e.industryCode())
                : Reason.of("INDUSTRY_NOT_SERVED", "industry %s not under %s", e.industryCode(),
                        p.industryPrefixes())));
        if (e.demandAmount() == null) {
            c.add(new Criterion("AMOUNT", false, Reason.of("NO_DEMAND", "no open financing demand")));
            c.add(new Criterion("TERM", false, Reason.of("NO_DEMAND", "no open financing demand")));
        } else {
            boolean amount = e.demandAmount().compareTo(p.amountMin()) >= 0
                    && e.demandAmount().compareTo(p.amountMax()) <= 0;
            c.add(new Criterion("AMOUNT", amount, Reason.of(amount ? "AMOUNT_WITHIN" : "AMOUNT_OUTSIDE",
                    amount ? "demand %s within %s..%s" : "demand %s outside %s..%s", plain(e.demandAmount()),
                    plain(p.amountMin()), plain(p.amountMax()))));
            boolean term = e.demandTermMonths() >= p.termMonthsMin() && e.demandTermMonths() <= p.termMonthsMax();
            c.add(new Criterion("TERM", term, Reason.of(term ? "TERM_WITHIN" : "TERM_OUTSIDE",
                    term ? "%s months within %s..%s" : "%s months outside %s..%s", e.demandTermMonths(),
                    p.termMonthsMin(), p.termMonthsMax())));
        }
        List<String> owned = p.acceptedCollateral().stream().filter(k -> owns(e, k)).sorted().toList();
        c.add(new Criterion("COLLATERAL", !owned.isEmpty(), owned.isEmpty()
                ? Reason.of("COLLATERAL_NONE", "owns no asset of %s", p.acceptedCollateral())
                : Reason.of("COLLATERAL_OWNED", "owns %s", owned)));
        boolean rating = p.minCreditRating() == null || (e.creditRating() != null
                && RATINGS.indexOf(e.creditRating()) >= 0
                && RATINGS.indexOf(e.creditRating()) <= RATINGS.indexOf(p.minCreditRating()));
        c.add(new Criterion("CREDIT_RATING", rating, p.minCreditRating() == null
                ? Reason.of("NO_MIN_RATING", "no minimum rating")
                : e.creditRating() == null ? Reason.of("NO_RATING", "rating none below %s", p.minCreditRating())
                : Reason.of(rating ? "RATING_REACHES" : "RATING_BELOW", rating ? "rating %s reaches %s"
                        : "rating %s below %s", e.creditRating(), p.minCreditRating())));
        boolean inventions = e.validInventions() >= p.minValidInventions();
        c.add(new Criterion("INVENTION_PATENTS", inventions, Reason.of(inventions ? "INVENTIONS_ENOUGH"
                : "INVENTIONS_FEW", inventions ? "%s valid invention patents ≥ %s" : "%s valid invention patents < %s",
                e.validInventions(), p.minValidInventions())));
        List<ScorePart> score = score(p, e, owned);
        return new Match(List.copyOf(c), score, score.stream().mapToInt(ScorePart::points).sum());
    }

    private static List<ScorePart> score(Product p, Enterprise e, List<String> ownedKinds) {
        // MIXED stands for patents and trademarks together; each underlying kind is counted once
        BigDecimal value = ownedKinds.stream().flatMap(k -> "MIXED".equals(k) ? MIXED_PARTS.stream() : Stream.of(k))
                .distinct().map(k -> e.assetValues().getOrDefault(k, BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal capacity = value.multiply(p.maxPledgeRate());
        int coverage = 0;
        Reason coverageBasis = Reason.of("NO_OPEN_DEMAND", "no open demand");
        if (e.demandAmount() != null && e.demandAmount().signum() > 0) {
            BigDecimal ratio = capacity.divide(e.demandAmount(), 6, RoundingMode.DOWN).min(BigDecimal.ONE);
            coverage = ratio.multiply(BigDecimal.valueOf(COVERAGE_POINTS)).setScale(0, RoundingMode.DOWN).intValue();
            coverageBasis = Reason.of("CAPACITY", "capacity %s × %s = %s for demand %s", plain(p.maxPledgeRate()),
                    plain(value), plain(capacity.setScale(2, RoundingMode.DOWN)), plain(e.demandAmount()));
        }
        int rate = Math.max(0, Math.min(RATE_POINTS, RATE_POINTS - Math.floorDiv(p.spreadBpMin(), 10)));
        boolean preferred = e.preferredBankIds().contains(p.bankId());
        return List.of(
                new ScorePart("COVERAGE", coverage, COVERAGE_POINTS, coverageBasis),
                new ScorePart("RATE", rate, RATE_POINTS, Reason.of("SPREAD", "from LPR + %s bp", p.spreadBpMin())),
                new ScorePart("PREFERRED_BANK", preferred ? PREFERRED_BANK_POINTS : 0, PREFERRED_BANK_POINTS,
                        preferred ? Reason.of("BANK_NAMED", "bank named in the demand")
                                : Reason.of("BANK_NOT_NAMED", "bank not named in the demand")));
    }

    private static boolean owns(Enterprise e, String kind) {
        if ("MIXED".equals(kind)) {
            boolean patents = e.assetValues().keySet().stream().anyMatch(k -> !k.equals("TRADEMARK")
                    && MIXED_PARTS.contains(k));
            return patents && e.assetValues().containsKey("TRADEMARK");
        }
        return e.assetValues().containsKey(kind);
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
