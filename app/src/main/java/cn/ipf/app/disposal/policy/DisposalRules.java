package cn.ipf.app.disposal.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 质物处置 what a bank reports on a disposal case must be possible: a case opens between the loan's default and today;
 * steps follow in date order up to today; money comes only with a PROCEEDS step (and must come with it), never
 * negative; nothing follows a CLOSURE. Each rule names the field it refuses.
 */
public final class DisposalRules {

    private DisposalRules() {
    }

    /** One refused field and why. */
    public record Violation(String field, String message) {
    }

    /** The kinds of step; only PROCEEDS carries money, only CLOSURE closes the case. */
    public enum StepKind {
        APPRAISAL, LISTING, AUCTION_ROUND, UNSOLD, AGREEMENT, PROCEEDS, CLOSURE;

        public boolean carriesMoney() {
            return this == PROCEEDS;
        }

        public boolean closes() {
            return this == CLOSURE;
        }
    }

    public static List<Violation> opening(LocalDate openedOn, LocalDate defaultedOn, LocalDate today) {
        List<Violation> v = new ArrayList<>();
        notBefore(v, "openedOn", openedOn, defaultedOn, "the loan's default date");
        notAfter(v, "openedOn", openedOn, today);
        return v;
    }

    /**
     * A step of an open case; {@code latest} is the date of the case's latest step, or its opening date when it has
     * none.
     */
    public static List<Violation> step(StepKind kind, LocalDate on, LocalDate latest, BigDecimal gross,
            BigDecimal costs, LocalDate today) {
        List<Violation> v = new ArrayList<>();
        notBefore(v, "takenOn", on, latest, "the case's latest step or opening");
        notAfter(v, "takenOn", on, today);
        if (kind.carriesMoney()) {
            if (gross == null) {
                v.add(new Violation("grossAmount", "required with a PROCEEDS step"));
            }
            if (costs == null) {
                v.add(new Violation("disposalCosts", "required with a PROCEEDS step"));
            }
        } else {
            if (gross != null) {
                v.add(new Violation("grossAmount", "only a PROCEEDS step carries money"));
            }
            if (costs != null) {
                v.add(new Violation("disposalCosts", "only a PROCEEDS step carries money"));
            }
        }
        if (gross != null && gross.signum() < 0) {
            v.add(new Violation("grossAmount", "must not be negative"));
        }
        if (costs != null && costs.signum() < 0) {
            v.add(new Violation("disposalCosts", "must not be negative"));
        }
        return v;
    }

    private static void notBefore(List<Violation> v, String field, LocalDate date, LocalDate limit, String what) {
        if (date.isBefore(limit)) {
            v.add(new Violation(field, "must not be before " + what + " (" + limit + ")"));
        }
    }

    private static void notAfter(List<Violation> v, String field, LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            v.add(new Violation(field, "must not be after today (" + today + ")"));
        }
    }
}
