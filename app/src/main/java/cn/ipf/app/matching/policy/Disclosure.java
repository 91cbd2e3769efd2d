package cn.ipf.app.matching.policy;

import cn.ipf.app.consent.policy.DataScope;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 按授权披露 what a bank may read of a candidate's match: every criterion's verdict and every score part's points
 * (that is the ranking the bank is owed), but a reason or basis only when the enterprise shares the data it quotes
 * (a demand amount, a rating, asset values). A withheld text names the scopes it would need.
 */
public final class Disclosure {

    /** The scopes each criterion's reason and each score part's basis quote; absent = product data only. */
    static final Map<String, Set<DataScope>> QUOTES = Map.of(
            "DISTRICT", EnumSet.of(DataScope.PROFILE),
            "INDUSTRY", EnumSet.of(DataScope.PROFILE),
            "AMOUNT", EnumSet.of(DataScope.FINANCING_DEMAND),
            "TERM", EnumSet.of(DataScope.FINANCING_DEMAND),
            "COLLATERAL", EnumSet.of(DataScope.IP_ASSETS),
            "CREDIT_RATING", EnumSet.of(DataScope.CREDIT),
            "INVENTION_PATENTS", EnumSet.of(DataScope.IP_ASSETS),
            "COVERAGE", EnumSet.of(DataScope.IP_ASSETS, DataScope.FINANCING_DEMAND),
            "PREFERRED_BANK", EnumSet.of(DataScope.FINANCING_DEMAND));

    private Disclosure() {
    }

    /** The match as the bank may read it under the shared scopes. */
    public static ProductMatching.Match redact(ProductMatching.Match match, Set<DataScope> shared) {
        List<ProductMatching.Criterion> criteria = match.criteria().stream()
                .map(c -> new ProductMatching.Criterion(c.name(), c.passed(), text(c.name(), c.why(), shared)))
                .toList();
        List<ProductMatching.ScorePart> score = match.score().stream()
                .map(s -> new ProductMatching.ScorePart(s.name(), s.points(), s.maxPoints(),
                        text(s.name(), s.why(), shared)))
                .toList();
        return new ProductMatching.Match(criteria, score, match.total());
    }

    private static ProductMatching.Reason text(String name, ProductMatching.Reason why, Set<DataScope> shared) {
        Set<DataScope> needed = QUOTES.getOrDefault(name, Set.of());
        if (shared.containsAll(needed)) {
            return why;
        }
        EnumSet<DataScope> missing = EnumSet.copyOf(needed);
        missing.removeAll(shared);
        return ProductMatching.Reason.of("WITHHELD", "withheld: %s not shared", missing);
    }
}
