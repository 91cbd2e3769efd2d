package cn.ipf.app.shared.policy;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * 参数对比 one field of a rule version, as in force and as proposed in a new version, so that an administrator sees
 * what a version changes (old → new) before confirming it. {@code field} names the field (its label is a message key
 * the page derives from it); {@code item} is the entry of a list the field belongs to (a layer's code, a rating), or
 * null. A null value is an entry the version does not have. Amounts compare by value (0.6 = 0.60).
 */
public record FieldChange(String field, String item, Kind kind, Object before, Object after) {

    /**
     * How the field's values read: a date, a share (0.60 = 60%), money, a count, basis points (null = no limit), a
     * multiple (10 = 10×), percentage points, score points, text as it is, or a message key to show in words.
     */
    public enum Kind {
        DATE, SHARE, MONEY, COUNT, BASIS_POINTS, TIMES, PERCENTAGE_POINTS, POINTS, TEXT, LABEL
    }

    public FieldChange(String field, Kind kind, Object before, Object after) {
        this(field, null, kind, before, after);
    }

    /** A field read from a version and from the one in force ({@code before}; null when none is). */
    public static <V> FieldChange of(String field, Kind kind, V before, V after, Function<V, ?> value) {
        return new FieldChange(field, kind, before == null ? null : value.apply(before), value.apply(after));
    }

    public boolean changed() {
        if (before instanceof BigDecimal b && after instanceof BigDecimal a) {
            return b.compareTo(a) != 0;
        }
        return !Objects.equals(before, after);
    }

    /** One attribute of a list's entries: the field it is shown as, how it reads and where it is read from. */
    public record Part<T>(String field, Kind kind, Function<T, ?> value) {
    }

    /**
     * The entries of two keyed lists (e.g. layers by code), one change per part of each: keys in order (a sorted map's
     * order, else those in force first, then the new ones); an entry missing on one side has nulls there.
     */
    public static <K, T> List<FieldChange> entries(Map<K, T> before, Map<K, T> after, List<Part<T>> parts) {
        Set<K> keys = before instanceof SortedMap<K, T> sorted ? new TreeSet<>(sorted.comparator())
                : new LinkedHashSet<>();
        keys.addAll(before.keySet());
        keys.addAll(after.keySet());
        return keys.stream().flatMap(key -> parts.stream().map(p -> new FieldChange(p.field(), String.valueOf(key),
                p.kind(), value(before.get(key), p), value(after.get(key), p)))).toList();
    }

    private static <T> Object value(T entry, Part<T> part) {
        return entry == null ? null : part.value().apply(entry);
    }
}
