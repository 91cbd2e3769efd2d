package cn.ipf.app.pledgehealth.policy;

import java.time.LocalDate;

/**
 * 商标续展 trademark renewal (Trademark Law 2019 Arts. 39–40): a registration is valid 10 years; renewal may be
 * filed in the 12 months before it ends, or within a 6-month grace period (宽展期) after; unrenewed, the mark is
 * cancelled (注销).
 */
public final class TrademarkTerms {

    public static final int RENEWAL_WINDOW_MONTHS = 12;
    public static final int GRACE_MONTHS = 6;

    private TrademarkTerms() {
    }

    public static LocalDate renewalOpens(LocalDate validUntil) {
        return validUntil.minusMonths(RENEWAL_WINDOW_MONTHS);
    }

    public static LocalDate graceEnd(LocalDate validUntil) {
        return validUntil.plusMonths(GRACE_MONTHS);
    }
}
