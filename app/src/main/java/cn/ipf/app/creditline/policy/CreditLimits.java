package cn.ipf.app.creditline.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 额度 the arithmetic of a collective credit line: what is available to draw on the line and to one member, what
 * an expired or closed line released, and the checks on a new line's terms. Amounts are yuan to the fen.
 */
public final class CreditLimits {

    private CreditLimits() {
    }

    /** total − drawn while the line is ACTIVE, else 0. */
    public static BigDecimal available(BigDecimal total, BigDecimal drawn, CreditLineStatus status) {
        return status == CreditLineStatus.ACTIVE ? total.subtract(drawn).max(BigDecimal.ZERO) : zero();
    }

    /** total − drawn once the line is EXPIRED or CLOSED: the undrawn limit given back. */
    public static BigDecimal released(BigDecimal total, BigDecimal drawn, CreditLineStatus status) {
        return status == CreditLineStatus.ACTIVE ? zero() : total.subtract(drawn).max(BigDecimal.ZERO);
    }

    /** A member may draw what is left of its sub-limit, but never more than the line has available. */
    public static BigDecimal memberAvailable(BigDecimal subLimit, BigDecimal memberDrawn, BigDecimal lineAvailable) {
        return subLimit.subtract(memberDrawn).max(BigDecimal.ZERO).min(lineAvailable);
    }

    /**
     * What is wrong with a new line's terms, field → message (empty when nothing): the validity must not end before
     * it starts, every member appears once and no sub-limit exceeds the total.
     */
    public static Map<String, String> termViolations(BigDecimal total, LocalDate validFrom, LocalDate validUntil,
            List<Long> memberIds, List<BigDecimal> subLimits) {
        Map<String, String> out = new LinkedHashMap<>();
        if (validUntil.isBefore(validFrom)) {
            out.put("validUntil", "not before validFrom");
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < memberIds.size(); i++) {
            if (!seen.add(memberIds.get(i))) {
                out.put("members[" + i + "].enterpriseId", "each enterprise once");
            }
            if (subLimits.get(i).compareTo(total) > 0) {
                out.put("members[" + i + "].subLimit", "not more than totalLimit");
            }
        }
        return out;
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
