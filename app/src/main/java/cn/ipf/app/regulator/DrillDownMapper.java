package cn.ipf.app.regulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The records behind a payout line, one query per link of the chain. */
@Mapper
interface DrillDownMapper {

    /** A payout line: its claim, amount and what it says (reason or layer), the record it pays and its parameters. */
    record Line(long claimId, int lineNo, BigDecimal amount, String detail, Long paymentId, long loanId,
            long programmeId, long ruleVersionId, String parameters, Long runId) {
    }

    record Payment(long paymentId, String externalId, int sequenceNo, LocalDate accrualStart, LocalDate accrualEnd,
            BigDecimal principalBalance, BigDecimal interestAmount, LocalDate dueDate, LocalDate paidDate) {
    }

    record Loan(long loanId, long bankId, String bankName, String externalId, String contractNo,
            LocalDate contractSignedOn, BigDecimal principal, BigDecimal annualRate, BigDecimal ipShare,
            LocalDate disbursedOn, BigDecimal disbursedAmount, String status, Long applicationId, long enterpriseId,
            String enterpriseName, String defaultExternalId, LocalDate defaultedOn, BigDecimal defaultOutstanding,
            LocalDate overdueSince) {
    }

    record Pledge(long registrationId, String registrationNo, LocalDate registeredOn, BigDecimal securedAmount,
            LocalDate cancelledOn) {
    }

    record Asset(long registrationId, String kind, long assetId) {
    }

    record Decision(long decisionId, String action, String fromStatus, String toStatus, Instant decidedAt,
            int ruleSetVersion, int score, String screening) {
    }

    record Version(long programmeId, int version, LocalDate effectiveFrom) {
    }

    Line subsidyLine(@Param("claimId") long claimId, @Param("lineNo") int lineNo);

    Line compensationLine(@Param("claimId") long claimId, @Param("lineNo") int lineNo);

    Payment payment(long paymentId);

    Loan loan(long loanId);

    List<Pledge> pledges(long loanId);

    List<Asset> pledgedAssets(long loanId);

    /** The enterprise's last admission decision taken before the instant. */
    Decision decisionBefore(@Param("enterpriseId") long enterpriseId, @Param("before") Instant before);

    Version subsidyVersion(long ruleVersionId);

    Version compensationVersion(long ruleVersionId);
}
