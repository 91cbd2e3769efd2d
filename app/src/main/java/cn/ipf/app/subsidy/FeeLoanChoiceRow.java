package cn.ipf.app.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A disbursed, pledged loan of the enterprise that a fee claim may name, by its bank and the bank's loan id. */
record FeeLoanChoiceRow(long bankId, String bankName, String externalId, BigDecimal principal, LocalDate disbursedOn) {

    /** The form's value for the loan: both halves of its key. */
    public String value() {
        return bankId + ":" + externalId;
    }
}
