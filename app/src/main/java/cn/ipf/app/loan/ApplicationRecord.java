package cn.ipf.app.loan;

import cn.ipf.app.loan.policy.ApplicationStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** 贷款申请 one loan application as stored, with the names a reader needs from its enterprise and product. */
record ApplicationRecord(long id, long enterpriseId, String enterpriseName, String uscc, String districtCode,
        String industryCode, long bankId, long productId, String productCode, String productName, int productVersion,
        BigDecimal amount, int termMonths, String purpose, ApplicationStatus status, BigDecimal offerAmount,
        BigDecimal offerAnnualRate, Integer offerTermMonths, String rejectionReason, String loanExternalId,
        Instant submittedAt, LocalDate respondBy, Instant decidedAt, Instant escalatedAt) {
}
