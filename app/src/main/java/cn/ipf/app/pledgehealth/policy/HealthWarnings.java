package cn.ipf.app.pledgehealth.policy;

import cn.ipf.app.pledgehealth.policy.PatentTerms.PatentType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 质物预警 the dates a pledged asset is coming up to: an annual-fee due date or the end of the term of a patent, the
 * end of a trademark's registration, within the look-ahead.
 */
public final class HealthWarnings {

    private HealthWarnings() {
    }

    public enum WarningKind {
        /** An annual fee falls due (pay by then; the 6-month grace costs a late fee). */
        ANNUAL_FEE_DUE,
        /** The patent's term ends: the collateral will be gone. */
        PATENT_TERM_ENDS,
        /** The trademark registration ends: renew (the window opened 12 months before). */
        TRADEMARK_RENEWAL_DUE
    }

    /** {@code dueOn} is the day itself; {@code graceEnds} the last day it may be cured late (null if none). */
    public record Warning(WarningKind kind, LocalDate dueOn, LocalDate graceEnds) {
    }

    /** A patent's warnings due within {@code lookaheadDays} of {@code today} (inclusive). */
    public static List<Warning> forPatent(PatentType type, LocalDate filingDate, LocalDate today, int lookaheadDays) {
        LocalDate horizon = today.plusDays(lookaheadDays);
        List<Warning> warnings = new ArrayList<>();
        PatentTerms.nextFeeDue(type, filingDate, today).filter(due -> !due.isAfter(horizon))
                .ifPresent(due -> warnings.add(new Warning(WarningKind.ANNUAL_FEE_DUE, due,
                        PatentTerms.graceEnd(due))));
        LocalDate expiry = PatentTerms.statutoryExpiry(type, filingDate);
        if (!expiry.isBefore(today) && !expiry.isAfter(horizon)) {
            warnings.add(new Warning(WarningKind.PATENT_TERM_ENDS, expiry, null));
        }
        return warnings;
    }

    /** A trademark's renewal warning when its registration ends within {@code lookaheadDays}. */
    public static List<Warning> forTrademark(LocalDate validUntil, LocalDate today, int lookaheadDays) {
        if (validUntil.isBefore(today) || validUntil.isAfter(today.plusDays(lookaheadDays))) {
            return List.of();
        }
        return List.of(new Warning(WarningKind.TRADEMARK_RENEWAL_DUE, validUntil,
                TrademarkTerms.graceEnd(validUntil)));
    }
}
