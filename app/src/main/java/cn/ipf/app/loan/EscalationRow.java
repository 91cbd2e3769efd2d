package cn.ipf.app.loan;

import cn.ipf.app.loan.policy.ApplicationStatus;
import java.time.Instant;
import java.time.LocalDate;

/** An application escalated for a missed decision deadline, as the reviewers list it. */
record EscalationRow(long applicationId, long enterpriseId, String enterpriseName, String districtCode, long bankId,
        String bankName, String productCode, ApplicationStatus status, Instant submittedAt, LocalDate respondBy,
        Instant escalatedAt, Instant decidedAt) {
}
