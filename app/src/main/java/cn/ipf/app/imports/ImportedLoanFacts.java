package cn.ipf.app.imports;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What an interest payment's checks need of a loan already on the platform. */
public record ImportedLoanFacts(long id, String status, LocalDate signedOn, LocalDate maturityDate,
        BigDecimal principal, LocalDate disbursedOn, BigDecimal disbursedAmount, LocalDate closedOn) {
}
