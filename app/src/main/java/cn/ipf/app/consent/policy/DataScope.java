package cn.ipf.app.consent.policy;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 数据授权范围 a category of library data an enterprise shares with a bank under a consent. PROFILE is always
 * shared: a bank cannot consider an enterprise it cannot name.
 */
public enum DataScope {
    /** Name, USCC, district, industry, size class, high-tech / 专精特新, admission date. */
    PROFILE,
    /** Employees, annual revenue, total assets. */
    FINANCIALS,
    /** The legal representative's name (never the identity number). */
    LEGAL_REPRESENTATIVE,
    /** Valid patents, trademarks, geographical indications and their latest appraisals. */
    IP_ASSETS,
    /** The latest credit rating. */
    CREDIT,
    /** The open financing demand. */
    FINANCING_DEMAND;

    /** What a consent shares when the enterprise names scopes (PROFILE added) or none (everything). */
    public static Set<DataScope> granted(Collection<DataScope> named) {
        if (named == null || named.isEmpty()) {
            return EnumSet.allOf(DataScope.class);
        }
        EnumSet<DataScope> scopes = EnumSet.copyOf(named);
        scopes.add(PROFILE);
        return scopes;
    }

    /** The stored form: comma-separated names (a SQL SET value). */
    public static String column(Set<DataScope> scopes) {
        return scopes.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    /**
     * Parses the stored form, or several joined by commas (the union of several consents' scopes); unknown names
     * are a programming error.
     */
    public static Set<DataScope> parse(String column) {
        EnumSet<DataScope> scopes = EnumSet.noneOf(DataScope.class);
        if (column != null && !column.isEmpty()) {
            for (String name : column.split(",")) {
                scopes.add(valueOf(name));
            }
        }
        return scopes;
    }
}
