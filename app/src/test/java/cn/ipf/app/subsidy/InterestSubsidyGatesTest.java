package cn.ipf.app.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.user.Role;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The interest-subsidy job end to end: loans and payments reported through the bank SDK, the job launched and followed
 * by a regulator through the job API, then every gate and reason code as the claims show them, with the trace of
 * each line (a straddling period prorated, the interest bound and the rate bound), who sees which claim, and a
 * completed period that, run again, changes nothing.
 *
 * <p>Contracts signed in June 2025 use the LPR of May 2025 (3.00 %), so the reference rate is 0.6 × 3.00 % = 1.8 %.
 */
class InterestSubsidyGatesTest extends SubsidyTestSupport {

    @Test
    void everyGateAndReasonWithItsTraceAndARerunChangesNothing() throws Exception {
        String admin = adminToken();
        Region region = region();
        long programmeId = programme(admin, region.city(), "1000000", null);
        // the rate limit is a parameter: LPR + 100 bp here
        interestParameters(admin, programmeId, interest("500000", 100));
        Bank bank = lender(admin);

        // A: admitted since January 2025; one eligible loan and one loan per loan gate
        Borrower a = borrower(region.district(), true);
        String eligible = loan(bank, a, a.patentId(), Terms.standard(d("2025-06-10"), "1000000", "0.0345"));
        payment(bank, eligible, 1, d("2025-06-15"), d("2025-07-15"), "1000000", "2875.00", d("2025-07-15"));
        payment(bank, eligible, 2, d("2025-07-15"), d("2025-08-15"), "1000000", "2970.83", d("2025-08-16"));
        payment(bank, eligible, 3, d("2025-08-15"), d("2025-09-15"), "1000000", "1000.00", d("2025-09-15"));
        payment(bank, eligible, 4, d("2026-05-01"), d("2026-07-01"), "1000000", "5845.83", d("2026-07-01"));
        payment(bank, eligible, 5, d("2026-07-01"), d("2026-08-01"), "1000000", "2970.83", d("2026-08-01"));
        String pledgedLate = loan(bank, a, addPatent(a, "INVENTION"), new Terms(d("2025-06-10"), d("2025-06-20"),
                d("2025-06-15"), "500000", "0.0345", "1", false));
        String utilityOnly = loan(bank, a, addPatent(a, "UTILITY_MODEL"),
                Terms.standard(d("2025-06-10"), "500000", "0.0345"));
        String otherSubsidy = loan(bank, a, addPatent(a, "INVENTION"), new Terms(d("2025-06-10"), d("2025-06-12"),
                d("2025-06-15"), "500000", "0.0345", "1", true));
        String expensive = loan(bank, a, addPatent(a, "INVENTION"),
                Terms.standard(d("2025-06-10"), "500000", "0.0420"));
        for (String ref : List.of(pledgedLate, utilityOnly, otherSubsidy, expensive)) {
            payment(bank, ref, 1, d("2025-06-15"), d("2025-07-15"), "500000", "1437.50", d("2025-07-15"));
        }
        // B: admitted only today; C: no longer an SME; D: dishonesty-listed
        Borrower b = borrower(region.district(), false);
        Borrower c = borrower(region.district(), true);
        Borrower dd = borrower(region.district(), true);
        for (Borrower x : List.of(b, c, dd)) {
            String ref = loan(bank, x, x.patentId(), Terms.standard(d("2025-06-10"), "500000", "0.0345"));
            payment(bank, ref, 1, d("2025-06-15"), d("2025-07-15"), "500000", "1437.50", d("2025-07-15"));
        }
        Map<String, Object> large = new LinkedHashMap<>(c.profile());
        large.put("employees", 2000);
        large.put("annualRevenue", 500_000_000);
        assertThat(http.with(c.sme().token()).put(LIB + "/" + c.enterpriseId(), large).status()).isEqualTo(200);
        Http.Response listed = http.with(districtReviewer(region.district()).token()).post(LIB + "/"
                + dd.enterpriseId() + "/dishonesty-listings", Map.of("listedOn", today().minusDays(1).toString(),
                        "source", "信用中国"));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(201);

        // ---- a regulator runs August 2026 (every payment of the programme paid up to its end) ------------------
        String regulator = token(user(Role.REGULATOR, null, null, null));
        Map<String, String> august = Map.of("programme", String.valueOf(programmeId), "period", "2026-08");
        JsonNode run = run(regulator, august);
        assertThat(run.get("status").asString()).as("%s", run).isEqualTo("COMPLETED");
        List<String> steps = run.get("steps").findValuesAsString("stepName");
        assertThat(steps).contains("open-run", "compute-lines", "close-run")
                .anyMatch(s -> s.startsWith("compute-partition:"));
        long enterprisesRead = 0;
        long claimsWritten = 0;
        for (JsonNode step : run.get("steps")) {
            if (step.get("stepName").asString().startsWith("compute-partition:")) {
                enterprisesRead += step.get("readCount").asLong();
                claimsWritten += step.get("writeCount").asLong();
            }
        }
        assertThat(enterprisesRead).as("one item per enterprise").isEqualTo(4);
        assertThat(claimsWritten).isEqualTo(4);

        JsonNode claimA = claimOf(regulator, programmeId, a.enterpriseId(), "2026-08");
        Map<String, JsonNode> lines = new HashMap<>();
        claimA.get("lines").forEach(l -> lines.put(l.get("paymentExternalId").asString(), l));
        assertThat(lines).hasSize(9);

        JsonNode rateBound = lines.get(eligible + "-I1");
        assertThat(rateBound.get("reason").asString()).isEqualTo("ELIGIBLE");
        assertThat(rateBound.get("lprMonth").asString()).isEqualTo("2025-05");
        assertThat(rateBound.get("lpr").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(rateBound.get("referenceRate").decimalValue()).isEqualByComparingTo("0.018");
        assertThat(rateBound.get("days").asInt()).isEqualTo(30);
        assertThat(rateBound.get("daysInWindow").asInt()).isEqualTo(30);
        assertThat(rateBound.get("byInterest").decimalValue()).isEqualByComparingTo("2875.00");
        // 1 000 000 × 1 × 0.018 × 30 / 360
        assertThat(rateBound.get("byRate").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(rateBound.get("amount").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(rateBound.get("capRemainingBefore").decimalValue()).isEqualByComparingTo("500000.00");
        assertThat(rateBound.get("rulesVersion").asInt()).isEqualTo(1);
        assertThat(rateBound.get("gates").findValuesAsString("outcome")).containsOnly("PASSED");

        JsonNode late = lines.get(eligible + "-I2");
        assertThat(late.get("reason").asString()).isEqualTo("LATE_PAYMENT");
        assertThat(late.get("amount").decimalValue()).isZero();
        assertThat(outcomes(late)).containsEntry("RATE_ABOVE_LIMIT", "PASSED")
                .containsEntry("LATE_PAYMENT", "FAILED").containsEntry("OUTSIDE_WINDOW", "NOT_CHECKED");

        JsonNode interestBound = lines.get(eligible + "-I3");
        // by_rate 1 000 000 × 0.018 × 31 / 360 = 1 550 > the 1 000 of interest paid
        assertThat(interestBound.get("byRate").decimalValue()).isEqualByComparingTo("1550.00");
        assertThat(interestBound.get("amount").decimalValue()).isEqualByComparingTo("1000.00");

        JsonNode straddling = lines.get(eligible + "-I4");
        // window [2025-06-15, 2026-06-15): 45 of the 61 days
        assertThat(straddling.get("days").asInt()).isEqualTo(61);
        assertThat(straddling.get("daysInWindow").asInt()).isEqualTo(45);
        assertThat(straddling.get("byInterest").decimalValue()).isEqualByComparingTo(new BigDecimal("5845.83")
                .multiply(BigDecimal.valueOf(45)).divide(BigDecimal.valueOf(61), 6, RoundingMode.HALF_UP));
        assertThat(straddling.get("byRate").decimalValue()).isEqualByComparingTo("2250.00");
        assertThat(straddling.get("amount").decimalValue()).isEqualByComparingTo("2250.00");

        assertThat(lines.get(eligible + "-I5").get("reason").asString()).isEqualTo("OUTSIDE_WINDOW");
        assertThat(lines.get(eligible + "-I5").get("daysInWindow").asInt()).isZero();
        assertThat(reason(lines, pledgedLate)).isEqualTo("PLEDGE_AFTER_DISBURSEMENT");
        assertThat(outcomes(lines.get(pledgedLate + "-I1"))).containsEntry("NOT_ADMITTED", "PASSED")
                .containsEntry("BLACKLISTED", "PASSED").containsEntry("PLEDGE_AFTER_DISBURSEMENT", "FAILED")
                .containsEntry("NO_FIRST_PLEDGE_INVENTION", "NOT_CHECKED");
        assertThat(reason(lines, utilityOnly)).isEqualTo("NO_FIRST_PLEDGE_INVENTION");
        assertThat(reason(lines, otherSubsidy)).isEqualTo("OTHER_FISCAL_SUBSIDY");
        assertThat(reason(lines, expensive)).isEqualTo("RATE_ABOVE_LIMIT");
        assertThat(lines.get(expensive + "-I1").get("lpr").decimalValue()).isEqualByComparingTo("3.00");

        // the claim's total is the sum of its lines, in cap order
        assertThat(claimA.get("totalAmount").decimalValue()).isEqualByComparingTo("4750.00");
        assertThat(sum(claimA)).isEqualByComparingTo(claimA.get("totalAmount").decimalValue());
        assertThat(claimA.get("lines").findValuesAsString("paidDate")).isSorted();
        assertThat(claimA.get("status").asString()).isEqualTo("COMPUTED");
        assertThat(claimA.get("declareBy").asString()).isEqualTo(today().plusDays(30).toString());

        assertThat(onlyReason(regulator, programmeId, b)).isEqualTo("NOT_ADMITTED");
        JsonNode refused = claimOf(regulator, programmeId, b.enterpriseId(), "2026-08").get("lines").get(0);
        // traced as if it paid: 500 000 × 0.018 × 30 / 360 = 750.00 < the 1 437.50 of interest paid
        assertThat(refused.get("days").asInt()).isEqualTo(30);
        assertThat(refused.get("daysInWindow").asInt()).isEqualTo(30);
        assertThat(refused.get("byInterest").decimalValue()).isEqualByComparingTo("1437.50");
        assertThat(refused.get("byRate").decimalValue()).isEqualByComparingTo("750.00");
        assertThat(refused.get("lpr").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(refused.get("amountBeforeCap").decimalValue()).isZero();
        assertThat(outcomes(refused)).containsEntry("NOT_ADMITTED", "FAILED");
        assertThat(refused.get("gates").get(0).has("cause")).as("never listed: no cause").isFalse();
        assertThat(onlyReason(regulator, programmeId, c)).isEqualTo("NOT_SME");
        assertThat(onlyReason(regulator, programmeId, dd)).isEqualTo("BLACKLISTED");
        assertThat(claimOf(regulator, programmeId, c.enterpriseId(), "2026-08").get("lines").get(0)
                .get("sizeClass").asString()).isEqualTo("LARGE");

        JsonNode runView = http.with(regulator).get("/api/v1/subsidy/runs?programmeId=" + programmeId).json().get(0);
        assertThat(runView.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(runView.get("claimCount").asInt()).isEqualTo(4);
        assertThat(runView.get("lineCount").asLong()).isEqualTo(12);
        assertThat(runView.get("totalAmount").decimalValue()).isEqualByComparingTo("4750.00");
        assertThat(runView.get("parameters").get("maxSpreadBp").asInt()).isEqualTo(100);

        // ---- who sees what ---------------------------------------------------------------------------------------
        long claimAId = claimA.get("claimId").asLong();
        assertThat(claim(a.sme().token(), claimAId).get("lines")).hasSize(9);
        assertThat(claims(a.sme().token(), programmeId)).singleElement()
                .satisfies(x -> assertThat(x.get("claimId").asLong()).isEqualTo(claimAId));
        assertThat(http.with(b.sme().token()).get(CLAIMS + "/" + claimAId).status()).isEqualTo(404);
        Region elsewhere = region();
        assertThat(http.with(districtReviewer(elsewhere.district()).token()).get(CLAIMS + "/" + claimAId).status())
                .isEqualTo(404);
        assertThat(claims(districtReviewer(region.district()).token(), programmeId)).hasSize(4);
        assertThat(claims(regulator, programmeId)).hasSize(4);
        assertThat(http.with(b.sme().token()).get("/api/v1/subsidy/runs").status()).isEqualTo(403);
        long claimBId = claimOf(regulator, programmeId, b.enterpriseId(), "2026-08").get("claimId").asLong();
        assertThat(http.with(b.sme().token()).post(CLAIMS + "/" + claimBId + "/declaration", declaration()).code())
                .as("nothing to pay on a claim of refused lines").isEqualTo("NOTHING_TO_CLAIM");

        // ---- a completed period run again changes nothing ------------------------------------------------------
        long linesBefore = count("subsidy_line");
        long claimsBefore = count("subsidy_claim");
        Http.Response again = http.with(regulator).post(JOB, Map.of("parameters", august));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("JOB_ALREADY_COMPLETE");
        JsonNode september = completedRun(regulator, programmeId, "2026-09");
        assertThat(september.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(count("subsidy_line")).as("every payment is already in a standing line").isEqualTo(linesBefore);
        assertThat(count("subsidy_claim")).isEqualTo(claimsBefore);
        assertThat(claim(regulator, claimAId).get("totalAmount").decimalValue()).isEqualByComparingTo("4750.00");

        // bad launches are refused before anything runs
        assertThat(http.with(regulator).post(JOB, Map.of("parameters", Map.of("programme",
                String.valueOf(programmeId), "period", "2027-01"))).code()).isEqualTo("JOB_PARAMETERS_INVALID");
        assertThat(http.with(regulator).post(JOB, Map.of("parameters", Map.of("programme",
                String.valueOf(programmeId), "period", "2026-13"))).code()).isEqualTo("JOB_PARAMETERS_INVALID");
        assertThat(http.with(regulator).post(JOB, Map.of("parameters", Map.of("programme",
                String.valueOf(programmeId), "period", "2026-Q4", "rules", "{}"))).code())
                .as("what-if parameters only with dryRun").isEqualTo("JOB_PARAMETERS_INVALID");
        assertThat(http.with(regulator).post("/api/v1/admin/jobs/library-rereview/executions",
                Map.of("parameters", Map.of())).status()).as("regulators launch only this job").isEqualTo(403);
    }

    @Test
    void aListedEnterprisesRefusedLineNamesTheListingAndCanBeRecomputed() throws Exception {
        String admin = adminToken();
        Region region = region();
        long programmeId = programme(admin, region.city(), "1000000", null);
        Bank bank = lender(admin);
        Borrower listed = borrower(region.district(), true);
        String ref = loan(bank, listed, listed.patentId(), Terms.standard(d("2025-06-10"), "1000000", "0.0345"));
        payment(bank, ref, 1, d("2025-06-15"), d("2025-07-15"), "1000000", "2875.00", d("2025-07-15"));
        Http.Response listing = http.with(districtReviewer(region.district()).token()).post(LIB + "/"
                + listed.enterpriseId() + "/dishonesty-listings", Map.of("listedOn", "2025-06-01", "source",
                        "信用中国"));
        assertThat(listing.status()).as(listing.toString()).isEqualTo(201);
        // as if recorded on 2025-06-01, before the loan was disbursed: the system suspended the enterprise that day
        jdbc.update("UPDATE dishonesty_record SET created_at = '2025-06-01 01:00:00' WHERE enterprise_id = ?",
                listed.enterpriseId());
        jdbc.update("UPDATE admission_decision SET decided_at = '2025-06-01 01:00:00' WHERE enterprise_id = ?"
                + " AND to_status = 'SUSPENDED'", listed.enterpriseId());

        String regulator = token(user(Role.REGULATOR, null, null, null));
        completedRun(regulator, programmeId, "2026-08");
        JsonNode line = claimOf(regulator, programmeId, listed.enterpriseId(), "2026-08").get("lines").get(0);
        assertThat(line.get("reason").asString()).isEqualTo("NOT_ADMITTED");
        assertThat(line.get("amount").decimalValue()).isZero();
        assertThat(line.get("daysInWindow").asInt()).isEqualTo(30);
        assertThat(line.get("byInterest").decimalValue()).isEqualByComparingTo("2875.00");
        assertThat(line.get("byRate").decimalValue()).isEqualByComparingTo("1500.00");
        JsonNode gate = line.get("gates").get(0);
        assertThat(gate.get("gate").asString()).isEqualTo("NOT_ADMITTED");
        assertThat(gate.get("outcome").asString()).isEqualTo("FAILED");
        assertThat(gate.get("cause").get("kind").asString()).isEqualTo("DISHONESTY_LISTING");
        assertThat(gate.get("cause").get("listingId").asLong()).isEqualTo(jdbc.queryForObject(
                "SELECT id FROM dishonesty_record WHERE enterprise_id = ?", Long.class, listed.enterpriseId()));
        assertThat(gate.get("cause").get("listedOn").asString()).isEqualTo("2025-06-01");
        assertThat(gate.get("cause").get("source").asString()).isEqualTo("信用中国");
        assertThat(claim(listed.sme().token(), claimOf(regulator, programmeId, listed.enterpriseId(), "2026-08")
                .get("claimId").asLong()).get("lines").get(0).get("gates").get(0).get("cause").get("kind")
                .asString()).as("the SME sees why too").isEqualTo("DISHONESTY_LISTING");
    }

    private static Map<String, String> outcomes(JsonNode line) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        line.get("gates").forEach(g -> outcomes.put(g.get("gate").asString(), g.get("outcome").asString()));
        return outcomes;
    }

    private static String reason(Map<String, JsonNode> lines, String loanRef) {
        JsonNode line = lines.get(loanRef + "-I1");
        assertThat(line.get("amount").decimalValue()).isZero();
        return line.get("reason").asString();
    }

    private String onlyReason(String token, long programmeId, Borrower b) {
        JsonNode claim = claimOf(token, programmeId, b.enterpriseId(), "2026-08");
        assertThat(claim.get("totalAmount").decimalValue()).isZero();
        assertThat(claim.get("lines")).hasSize(1);
        return claim.get("lines").get(0).get("reason").asString();
    }

    static BigDecimal sum(JsonNode claim) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : claim.get("lines")) {
            sum = sum.add(line.get("amount").decimalValue());
        }
        return sum;
    }
}
