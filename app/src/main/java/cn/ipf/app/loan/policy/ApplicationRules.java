package cn.ipf.app.loan.policy;

import cn.ipf.app.loan.policy.LoanRecordRules.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an application must satisfy when it is made: the product version is open on the day, amount and term lie in
 * its ranges, and every asset offered is the applicant's own, valid, not pledged already and of a kind the product
 * accepts. A product accepting MIXED takes any patents and trademarks offered together.
 */
public final class ApplicationRules {

    public static final String MIXED = "MIXED";
    public static final String TRADEMARK = "TRADEMARK";

    private ApplicationRules() {
    }

    /** The product version applied to. */
    public record Product(boolean active, LocalDate windowStart, LocalDate windowEnd, BigDecimal amountMin,
            BigDecimal amountMax, int termMonthsMin, int termMonthsMax, Set<String> collateralKinds) {
    }

    /**
     * One asset offered: {@code collateralKind} is the patent type (INVENTION, UTILITY_MODEL, DESIGN) or TRADEMARK;
     * null facts mean the asset does not exist.
     */
    public record Asset(String ref, String collateralKind, boolean owned, boolean valid, boolean pledged) {
    }

    /** A bank's offer stays within the product's ranges too. */
    public static List<Violation> offer(Product product, BigDecimal amount, int termMonths) {
        List<Violation> v = new ArrayList<>();
        if (amount.compareTo(product.amountMin()) < 0 || amount.compareTo(product.amountMax()) > 0) {
            v.add(new Violation("amount", "must be within the product's range " + product.amountMin().toPlainString()
                    + "–" + product.amountMax().toPlainString()));
        }
        if (termMonths < product.termMonthsMin() || termMonths > product.termMonthsMax()) {
            v.add(new Violation("termMonths", "must be within the product's range " + product.termMonthsMin() + "–"
                    + product.termMonthsMax() + " months"));
        }
        return v;
    }

    /** Assets a bank registers as pledged must be the borrower's own, valid and not pledged already. */
    public static List<Violation> pledgeable(List<Asset> assets) {
        List<Violation> v = new ArrayList<>();
        for (int i = 0; i < assets.size(); i++) {
            String field = "assets[" + i + "]";
            problem(assets.get(i)).ifPresent(message -> v.add(new Violation(field, message)));
        }
        return v;
    }

    private static Optional<String> problem(Asset a) {
        if (a.collateralKind() == null || !a.owned()) {
            return Optional.of(a.ref() + " is not an asset of the enterprise");
        }
        if (!a.valid()) {
            return Optional.of(a.ref() + " is not valid");
        }
        return a.pledged() ? Optional.of(a.ref() + " is under an active pledge") : Optional.empty();
    }

    public static List<Violation> check(Product product, BigDecimal amount, int termMonths, List<Asset> assets,
            LocalDate today) {
        List<Violation> v = new ArrayList<>();
        if (!product.active() || today.isBefore(product.windowStart())
                || product.windowEnd() != null && today.isAfter(product.windowEnd())) {
            v.add(new Violation("productId", "the product version is not open for applications today"));
        }
        v.addAll(offer(product, amount, termMonths));
        boolean mixedOffer = product.collateralKinds().contains(MIXED)
                && assets.stream().anyMatch(a -> TRADEMARK.equals(a.collateralKind()))
                && assets.stream().anyMatch(a -> a.collateralKind() != null && !TRADEMARK.equals(a.collateralKind()));
        for (int i = 0; i < assets.size(); i++) {
            Asset a = assets.get(i);
            String field = "assets[" + i + "]";
            Optional<String> problem = problem(a);
            if (problem.isEmpty() && !mixedOffer && !product.collateralKinds().contains(a.collateralKind())) {
                problem = Optional.of(a.ref() + " is " + a.collateralKind() + ", which the product does not accept");
            }
            problem.ifPresent(message -> v.add(new Violation(field, message)));
        }
        return v;
    }
}
