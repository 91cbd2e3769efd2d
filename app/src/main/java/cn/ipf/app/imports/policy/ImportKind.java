package cn.ipf.app.imports.policy;

import java.util.List;

/**
 * 迁移类型 a kind of past record an office takes over, in dependency order (a loan names an enterprise imported
 * before, an interest payment a loan), with the columns of its template, in order.
 */
public enum ImportKind {
    ENTERPRISES(List.of("uscc", "name", "legalRepName", "districtCode", "industryCode", "employees",
            "annualRevenue", "totalAssets", "highTech", "specializedSme", "admittedOn")),
    IP_ASSETS(List.of("uscc", "applicationNo", "type", "title", "filingDate", "grantDate", "expiryDate",
            "legalStatus")),
    TRADEMARKS(List.of("uscc", "registrationNo", "markName", "niceClass", "validUntil")),
    GEOGRAPHICAL_INDICATIONS(List.of("uscc", "registrationNo", "name", "validUntil")),
    APPRAISALS(List.of("uscc", "assetKind", "assetNo", "niceClass", "appraisedValue", "appraiser", "reportNo",
            "appraisedOn")),
    LOANS(List.of("bankCode", "externalId", "uscc", "contractNo", "signedOn", "principal", "annualRate",
            "maturityDate", "ipShare", "otherFiscalSubsidy", "disbursedOn", "disbursedAmount",
            "pledgeRegistrationNo", "pledgeRegisteredOn", "pledgedPatents")),
    INTEREST_PAYMENTS(List.of("bankCode", "loanExternalId", "externalId", "sequenceNo", "accrualStart",
            "accrualEnd", "principalBalance", "interestAmount", "dueDate", "paidDate")),
    REPAYMENTS(List.of("bankCode", "loanExternalId", "externalId", "repaidOn", "amount")),
    PAID_SUBSIDIES(List.of("uscc", "kind", "capYear", "paidOn", "amount", "reference")),
    PAID_COMPENSATION(List.of("bankCode", "loanExternalId", "defaultedOn", "outstandingAtDefault", "fundPayments",
            "fundTotal", "paidOn", "voucher"));

    private final List<String> columns;

    ImportKind(List<String> columns) {
        this.columns = columns;
    }

    public List<String> columns() {
        return columns;
    }
}
