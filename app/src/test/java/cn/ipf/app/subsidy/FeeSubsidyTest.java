package cn.ipf.app.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Fee subsidies with invoice evidence: 50 % of an evaluation fee up to 50 000.00 a year, 50 % of an insurance premium
 * up to 20 000.00 a year (the shipped defaults), only for a disbursed pledged loan of the SME's own and, for an
 * evaluation fee, an appraisal of an asset pledged for it; an invoice or appraisal in one standing claim only; a
 * rejected claim gives its cap back.
 */
class FeeSubsidyTest extends SubsidyTestSupport {

    private static final String FEES = "/api/v1/subsidy/fee-claims";

    @Test
    void evaluationFeesAndInsurancePremiumsWithinTheirCaps() throws Exception {
        String admin = adminToken();
        Region region = region();
        long programmeId = programme(admin, region.city(), "1000000", null);
        Bank bank = lender(admin);
        Borrower b = borrower(region.district(), true);
        String ref = loan(bank, b, b.patentId(), Terms.standard(d("2025-06-10"), "1000000", "0.0345"));
        long unpledged = addPatent(b, "INVENTION");
        String token = b.sme().token();

        Map<String, Object> first = evaluation(programmeId, bank, ref, appraisal(b, b.patentId()), "FP0001", 80_000);
        Http.Response created = http.with(token).post(FEES, first);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode claim = created.json();
        assertThat(claim.get("kind").asString()).isEqualTo("EVALUATION_FEE");
        assertThat(claim.get("status").asString()).as("declared with the claim").isEqualTo("DECLARED");
        assertThat(claim.get("totalAmount").decimalValue()).isEqualByComparingTo("40000.00");
        JsonNode evidence = claim.get("feeEvidence");
        assertThat(evidence.get("reason").asString()).isEqualTo("ELIGIBLE");
        assertThat(evidence.get("ratio").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(evidence.get("capRemainingBefore").decimalValue()).isEqualByComparingTo("50000.00");
        assertThat(evidence.get("loanExternalId").asString()).isEqualTo(ref);

        assertThat(http.with(token).post(FEES, first).code()).as("the same invoice and appraisal again")
                .isEqualTo("FEE_EVIDENCE_TAKEN");
        Map<String, Object> sameAppraisal = new LinkedHashMap<>(first);
        sameAppraisal.put("invoiceNo", "FP0002");
        assertThat(http.with(token).post(FEES, sameAppraisal).code()).isEqualTo("FEE_EVIDENCE_TAKEN");

        JsonNode capped = http.with(token).post(FEES, evaluation(programmeId, bank, ref,
                appraisal(b, b.patentId()), "FP0003", 30_000)).json();
        assertThat(capped.get("feeEvidence").get("reason").asString()).isEqualTo("CAPPED");
        assertThat(capped.get("feeEvidence").get("amountBeforeCap").decimalValue()).isEqualByComparingTo("15000.00");
        assertThat(capped.get("totalAmount").decimalValue()).isEqualByComparingTo("10000.00");
        long exhaustedAppraisal = appraisal(b, b.patentId());
        Http.Response exhausted = http.with(token).post(FEES, evaluation(programmeId, bank, ref, exhaustedAppraisal,
                "FP0004", 10_000));
        assertThat(exhausted.code()).isEqualTo("FEE_CAP_EXHAUSTED");

        assertThat(reason(http.with(token).post(FEES, evaluation(programmeId, bank, ref,
                appraisal(b, unpledged), "FP0005", 10_000)))).isEqualTo("APPRAISAL_NOT_OF_PLEDGED_ASSET");
        Map<String, Object> early = evaluation(programmeId, bank, ref, exhaustedAppraisal, "FP0006", 10_000);
        early.put("invoiceDate", "2024-12-31");
        assertThat(reason(http.with(token).post(FEES, early))).isEqualTo("OUTSIDE_PROGRAMME_PERIOD");
        String notDisbursed = contracted(bank, b, addPatent(b, "INVENTION"),
                Terms.standard(d("2025-06-10"), "500000", "0.0345"));
        assertThat(reason(http.with(token).post(FEES, premium(programmeId, bank, notDisbursed, "BX0001", 10_000))))
                .isEqualTo("LOAN_NOT_DISBURSED");
        Borrower other = borrower(region.district(), true);
        assertThat(http.with(other.sme().token()).post(FEES, premium(programmeId, bank, ref, "BX0002", 10_000))
                .code()).as("another enterprise's loan").isEqualTo("LOAN_NOT_FOUND");
        Map<String, Object> noPolicy = premium(programmeId, bank, ref, "BX0003", 10_000);
        noPolicy.remove("policyNo");
        assertThat(http.with(token).post(FEES, noPolicy).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(http.with(districtReviewer(region.district()).token()).post(FEES, premium(programmeId, bank, ref,
                "BX0004", 10_000)).code()).isEqualTo("FORBIDDEN");

        // the premium: 50 % of 50 000 is more than the 20 000 cap
        JsonNode insured = http.with(token).post(FEES, premium(programmeId, bank, ref, "BX0005", 50_000)).json();
        assertThat(insured.get("kind").asString()).isEqualTo("INSURANCE_PREMIUM");
        assertThat(insured.get("feeEvidence").get("reason").asString()).isEqualTo("CAPPED");
        assertThat(insured.get("totalAmount").decimalValue()).isEqualByComparingTo("20000.00");
        assertThat(insured.get("feeEvidence").get("policyNo").asString()).isEqualTo("PICC-BX0005");

        // a rejected claim gives its share of the cap (and its invoice) back
        Http.Response rejected = http.with(districtReviewer(region.district()).token())
                .post(CLAIMS + "/" + capped.get("claimId").asLong() + "/rejection", Map.of("reason", "发票抬头不符"));
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        JsonNode again = http.with(token).post(FEES, evaluation(programmeId, bank, ref, exhaustedAppraisal,
                "FP0004", 10_000)).json();
        assertThat(again.get("feeEvidence").get("reason").asString()).isEqualTo("ELIGIBLE");
        assertThat(again.get("feeEvidence").get("capRemainingBefore").decimalValue())
                .isEqualByComparingTo("10000.00");
        assertThat(again.get("totalAmount").decimalValue()).isEqualByComparingTo("5000.00");

        // reviewed like an interest claim
        long claimId = claim.get("claimId").asLong();
        assertThat(http.with(districtReviewer(region.district()).token()).post(CLAIMS + "/" + claimId
                + "/district-approval", null).json().get("status").asString()).isEqualTo("DISTRICT_APPROVED");
        assertThat(claims(token, programmeId)).hasSize(4);
        assertThat(claim(token, claimId).get("feeEvidence").get("invoiceNo").asString()).isEqualTo(ref + "-FP0001");
    }

    private long appraisal(Borrower b, long patentId) {
        Http.Response r = http.with(b.sme().token()).post(LIB + "/" + b.enterpriseId() + "/appraisals", Map.of(
                "assetKind", "PATENT", "assetId", patentId, "appraisedValue", 3_000_000,
                "appraiser", "青岛天和资产评估有限公司", "reportNo", unique("TH-PG"), "appraisedOn", "2025-06-01"));
        assertThat(r.status()).as("appraisal: %s", r).isEqualTo(201);
        return r.json().get("appraisalId").asLong();
    }

    private static Map<String, Object> evaluation(long programmeId, Bank bank, String ref, long appraisalId,
            String invoiceNo, long amount) {
        Map<String, Object> form = base(programmeId, bank, ref, invoiceNo, amount);
        form.put("kind", "EVALUATION_FEE");
        form.put("appraisalId", appraisalId);
        form.put("invoiceIssuer", "青岛天和资产评估有限公司");
        return form;
    }

    private static Map<String, Object> premium(long programmeId, Bank bank, String ref, String invoiceNo,
            long amount) {
        Map<String, Object> form = base(programmeId, bank, ref, invoiceNo, amount);
        form.put("kind", "INSURANCE_PREMIUM");
        form.put("policyNo", "PICC-" + invoiceNo);
        form.put("insurer", "中国人民财产保险股份有限公司青岛市分公司");
        form.put("invoiceIssuer", "中国人民财产保险股份有限公司青岛市分公司");
        return form;
    }

    private static Map<String, Object> base(long programmeId, Bank bank, String ref, String invoiceNo, long amount) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("programmeId", programmeId);
        form.put("bankId", bank.bankId());
        form.put("loanExternalId", ref);
        // invoice numbers are unique across the shared database: a prefix of this test's own
        form.put("invoiceNo", ref + "-" + invoiceNo);
        form.put("invoiceDate", "2025-07-01");
        form.put("invoiceAmount", amount);
        form.put("account", Map.of("name", "青岛测试科技有限公司", "bank", "青岛银行", "number", "802880200012345"));
        form.put("noDoubleSubsidy", true);
        return form;
    }

    private static String reason(Http.Response r) {
        assertThat(r.code()).as(r.toString()).isEqualTo("FEE_SUBSIDY_INELIGIBLE");
        return r.json().get("reason").asString();
    }
}
