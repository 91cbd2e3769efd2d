package cn.ipf.app.shared.policy;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * 规则版本 versions of a rule effective by date: which one is in force on a day, and how each stands then (现行, 待生效,
 * 历史). A new version is shown against the one in force, or against the first one while none has taken effect yet.
 */
public final class RuleVersions {

    private RuleVersions() {
    }

    /** How a version stands on a day. */
    public enum Standing {
        IN_FORCE, SCHEDULED, SUPERSEDED
    }

    /** The version a new one is compared with on a day (see the class); null when there is none. */
    public static <T> T comparedWith(List<T> versions, Function<T, LocalDate> effectiveFrom, LocalDate on) {
        Comparator<T> byDate = Comparator.comparing(effectiveFrom);
        return versions.stream().filter(v -> !effectiveFrom.apply(v).isAfter(on)).max(byDate)
                .orElseGet(() -> versions.stream().min(byDate).orElse(null));
    }

    /** How {@code version} stands on a day, {@code inForce} being the one in force then (or null). */
    public static <T> Standing standing(T version, T inForce, Function<T, LocalDate> effectiveFrom, LocalDate on) {
        if (effectiveFrom.apply(version).isAfter(on)) {
            return Standing.SCHEDULED;
        }
        return version.equals(inForce) ? Standing.IN_FORCE : Standing.SUPERSEDED;
    }
}
