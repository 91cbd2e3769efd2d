package cn.ipf.app.imports;

import cn.ipf.app.compensation.ImportedCompensation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The rows of each import kind once read and checked, as they are written. */
final class HistoryRows {

    private HistoryRows() {
    }

    /** An enterprise with its admission date (null: imported as a draft, not admitted). */
    record Enterprise(int row, String uscc, String name, String legalRepName, String districtCode,
            String industryCode, int employees, BigDecimal annualRevenue, BigDecimal totalAssets, boolean highTech,
            boolean specializedSme, LocalDate admittedOn) {
    }

    /** A patent (canonical application number) and the enterprise that owns it. */
    record Patent(int row, long enterpriseId, String applicationNo, String type, String title, LocalDate filingDate,
            LocalDate grantDate, LocalDate expiryDate, String legalStatus) {
    }

    /** 商标 a registered trademark in one Nice class and the enterprise that holds it. */
    record Trademark(int row, long enterpriseId, String registrationNo, String markName, int niceClass,
            LocalDate validUntil) {
    }

    /** 地理标志 an authorisation to use a geographical indication held by the enterprise. */
    record Indication(int row, long enterpriseId, String registrationNo, String name, LocalDate validUntil) {
    }

    /** 评估报告 an appraisal of an asset the enterprise holds (kind PATENT, TRADEMARK or GEOGRAPHICAL_INDICATION). */
    record Appraisal(int row, long enterpriseId, String assetKind, long assetId, BigDecimal appraisedValue,
            String appraiser, String reportNo, LocalDate appraisedOn) {
    }

    /** A disbursed loan with its pledge registration of patents on the platform. */
    record Loan(int row, long bankId, long enterpriseId, String externalId, String contractNo, LocalDate signedOn,
            BigDecimal principal, BigDecimal annualRate, LocalDate maturityDate, BigDecimal ipShare,
            boolean otherFiscalSubsidy, LocalDate disbursedOn, BigDecimal disbursedAmount, String registrationNo,
            LocalDate registeredOn, List<Long> patentIds) {
    }

    record Interest(int row, long bankId, long loanId, String externalId, int sequenceNo, LocalDate accrualStart,
            LocalDate accrualEnd, BigDecimal principalBalance, BigDecimal interestAmount, LocalDate dueDate,
            LocalDate paidDate) {
    }

    /** 还本 principal repaid on a loan on the platform. */
    record Repayment(int row, long bankId, long loanId, String externalId, LocalDate repaidOn, BigDecimal amount) {
    }

    record Payout(int row, long enterpriseId, String kind, int capYear, LocalDate paidOn, BigDecimal amount,
            String reference) {
    }

    /**
     * 历史代偿 compensation paid on a defaulted loan before the platform: what each FUND layer paid (by layer code, in
     * the file's order) under the plan the calculator gives for the loan.
     */
    record Compensation(int row, long bankId, long loanId, String loanRef, LocalDate defaultedOn,
            BigDecimal outstandingAtDefault, Map<String, BigDecimal> fundPayments, LocalDate paidOn, String voucher,
            ImportedCompensation.Plan plan) {
    }
}
