package cn.ipf.app.pledgehealth;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** 质物预警 an alert on a pledged asset raised by a legal-status event, with its event and loan. */
public record PledgeAlertRow(long alertId, long enterpriseId, long bankId, String loanRef, String registrationNo,
        String assetKind, long assetId, String assetNumber, String eventKind, LocalDate eventDate, LocalDate cureBy,
        BigDecimal securedAmount, Instant raisedAt) {
}
