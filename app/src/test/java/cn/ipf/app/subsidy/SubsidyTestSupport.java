package cn.ipf.app.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.library.LibraryTestSupport;
import cn.ipf.app.testinfra.Http;
import cn.ipf.app.user.Role;
import cn.ipf.batch.JobControl;
import cn.ipf.sdk.api.BankApplicationsApi;
import cn.ipf.sdk.api.BankLoansApi;
import cn.ipf.sdk.api.BankProductsApi;
import cn.ipf.sdk.model.AssetRef;
import cn.ipf.sdk.model.CollateralKind;
import cn.ipf.sdk.model.DisbursementReport;
import cn.ipf.sdk.model.InterestPaymentReport;
import cn.ipf.sdk.model.LoanContractReport;
import cn.ipf.sdk.model.LoanOffer;
import cn.ipf.sdk.model.LoanProductForm;
import cn.ipf.sdk.model.PledgeRegistrationReport;
import cn.ipf.sdk.model.PledgeableAssetKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;

/**
 * What the subsidy tests share: a city and district of their own (so that a programme covers only the test's
 * enterprises in the shared database), programmes through the admin API, admitted borrowers, a bank with a product,
 * loans and interest payments reported through the bank SDK, and runs of the job through the job API.
 *
 * <p>Loans are dated in 2025 and 2026 while admissions happen today, so a borrower meant to be admitted on its
 * disbursement date gets its admission decisions dated back to 2025-01-02 (the only arrangement made in SQL, like
 * the region rows, which have no API).
 */
abstract class SubsidyTestSupport extends LibraryTestSupport {

    static final String JOB = "/api/v1/admin/jobs/interest-subsidy/executions";
    static final String CLAIMS = "/api/v1/subsidy/claims";
    static final LocalDate ADMITTED_ON = LocalDate.of(2025, 1, 2);

    /** A city of the test's own and one district in it. */
    record Region(String city, String district) {
    }

    /** An SME user, its enterprise and the profile it registered with. */
    record Borrower(Person sme, long enterpriseId, String district, Map<String, Object> profile, long patentId) {
    }

    /** A partner bank with its SDK clients and one product accepting inventions and utility models. */
    record Bank(long bankId, BankApplicationsApi applications, BankLoansApi loans, long productId) {
    }

    /** Contract, pledge and disbursement of a loan. */
    record Terms(LocalDate signedOn, LocalDate registeredOn, LocalDate disbursedOn, String principal, String rate,
            String ipShare, boolean otherFiscalSubsidy) {

        static Terms standard(LocalDate signedOn, String principal, String rate) {
            return new Terms(signedOn, signedOn.plusDays(2), signedOn.plusDays(5), principal, rate, "1", false);
        }
    }

    Region region() {
        for (int attempt = 0; attempt < 20; attempt++) {
            String prefix = String.valueOf(5000 + ThreadLocalRandom.current().nextInt(4999));
            if (jdbc.queryForObject("SELECT COUNT(*) FROM region WHERE code = ?", Long.class, prefix + "00") == 0) {
                jdbc.update("INSERT INTO region (code, name, region_level, parent_code) VALUES (?, ?, 'CITY', NULL)",
                        prefix + "00", "测试市" + prefix);
                jdbc.update("INSERT INTO region (code, name, region_level, parent_code) VALUES (?, ?, 'DISTRICT', ?)",
                        prefix + "01", "测试区" + prefix, prefix + "00");
                return new Region(prefix + "00", prefix + "01");
            }
        }
        throw new AssertionError("no free region code");
    }

    long programme(String admin, String regionCode, String budget, Integer declarationDays) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", unique("知识产权质押融资贴息"));
        form.put("regionCode", regionCode);
        form.put("budget", new BigDecimal(budget));
        form.put("periodStart", "2025-01-01");
        form.put("periodEnd", "2026-12-31");
        if (declarationDays != null) {
            form.put("declarationDays", declarationDays);
        }
        Http.Response r = http.with(admin).post("/api/v1/admin/subsidy-programmes", form);
        assertThat(r.status()).as("programme: %s", r).isEqualTo(201);
        return r.json().get("programmeId").asLong();
    }

    /** Replaces version 1's interest parameters (allowed while no approved claim used it). */
    void interestParameters(String admin, long programmeId, Map<String, Object> interest) {
        Http.Response r = http.with(admin).put("/api/v1/admin/subsidy-programmes/" + programmeId
                + "/rule-versions/1", Map.of("effectiveFrom", "2025-01-01", "interest", interest, "fees",
                        Map.of("evaluationFeeRatio", 0.5, "evaluationFeeAnnualCap", 50000, "insurancePremiumRatio",
                                0.5, "insurancePremiumAnnualCap", 20000)));
        assertThat(r.status()).as("parameters: %s", r).isEqualTo(200);
    }

    static Map<String, Object> interest(String annualCap, Integer maxSpreadBp) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lprRatio", new BigDecimal("0.60"));
        p.put("annualCap", new BigDecimal(annualCap));
        p.put("windowMonths", 12);
        if (maxSpreadBp != null) {
            p.put("maxSpreadBp", maxSpreadBp);
        }
        return p;
    }

    /** A small enterprise with one invention, admitted through both levels (dated back to 2025 if asked). */
    Borrower borrower(String district, boolean admittedIn2025) {
        Person sme = person(Role.SME, null, null, null);
        Map<String, Object> profile = strongProfile(uscc(district), district);
        long id = register(sme.token(), profile).get("enterpriseId").asLong();
        long patentId = addInvention(sme.token(), id, false).get("patentId").asLong();
        admit(id, district);
        if (admittedIn2025) {
            jdbc.update("UPDATE admission_decision SET decided_at = ? WHERE enterprise_id = ?",
                    ADMITTED_ON + " 02:00:00.000000", id);
            jdbc.update("UPDATE library_entry SET admitted_on = ? WHERE enterprise_id = ?", ADMITTED_ON, id);
        }
        return new Borrower(sme, id, district, profile, patentId);
    }

    long addPatent(Borrower b, String type) {
        Http.Response r = http.with(b.sme().token()).post(LIB + "/" + b.enterpriseId() + "/patents",
                patent(type));
        assertThat(r.status()).as("patent: %s", r).isEqualTo(201);
        return r.json().get("patentId").asLong();
    }

    private Map<String, Object> patent(String type) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("applicationNo", zl(patentDigits(type.equals("INVENTION") ? '1' : '2')));
        form.put("type", type);
        form.put("title", unique("一种测试装置"));
        form.put("filingDate", "2022-03-01");
        form.put("grantDate", "2024-01-10");
        form.put("expiryDate", "2032-02-28");
        form.put("legalStatus", "VALID");
        return form;
    }

    Bank lender(String admin) throws Exception {
        long bankId = bank(admin);
        var client = sdk(app(admin, bankId, null));
        long productId = new BankProductsApi(client).publishProduct(key(), new LoanProductForm()
                .name(unique("知易贷")).amountMin(new BigDecimal("100000")).amountMax(new BigDecimal("10000000"))
                .termMonthsMin(6).termMonthsMax(36).spreadBpMin(0).spreadBpMax(300)
                .maxPledgeRate(new BigDecimal("0.5"))
                .acceptedCollateral(new LinkedHashSet<>(List.of(CollateralKind.INVENTION,
                        CollateralKind.UTILITY_MODEL)))
                .windowStart(LocalDate.of(2026, 1, 1))).getProductId();
        return new Bank(bankId, new BankApplicationsApi(client), new BankLoansApi(client), productId);
    }

    /**
     * A loan on one patent, made the way it happens: the SME applies, the bank offers, the SME accepts, the bank
     * reports contract, pledge registration and disbursement through its SDK. Answers the bank's loan id.
     */
    String loan(Bank bank, Borrower b, long patentId, Terms t) throws Exception {
        String ref = contracted(bank, b, patentId, t);
        bank.loans().reportDisbursement(ref, key(), new DisbursementReport().disbursedOn(t.disbursedOn())
                .amount(new BigDecimal(t.principal())));
        return ref;
    }

    /** A loan contracted and pledged, not yet disbursed. */
    String contracted(Bank bank, Borrower b, long patentId, Terms t) throws Exception {
        BigDecimal principal = new BigDecimal(t.principal());
        Http.Response applied = http.with(b.sme().token()).post(LIB + "/" + b.enterpriseId() + "/loan-applications",
                Map.of("productId", bank.productId(), "amount", principal, "termMonths", 12, "purpose", "研发投入",
                        "assets", List.of(Map.of("kind", "PATENT", "id", patentId))));
        assertThat(applied.status()).as("application: %s", applied).isEqualTo(201);
        long applicationId = applied.json().get("applicationId").asLong();
        bank.applications().approveLoanApplication(applicationId, key(), new LoanOffer().amount(principal)
                .annualRate(new BigDecimal(t.rate())).termMonths(12));
        Http.Response accepted = http.with(b.sme().token()).post(LIB + "/" + b.enterpriseId()
                + "/loan-applications/" + applicationId + "/offer-acceptance", null);
        assertThat(accepted.status()).as("acceptance: %s", accepted).isEqualTo(200);
        String ref = unique("L");
        submittedOn(jdbc, applicationId, t.signedOn().isAfter(t.registeredOn()) ? t.registeredOn() : t.signedOn());
        bank.applications().reportLoanContract(applicationId, key(), new LoanContractReport().externalId(ref)
                .contractNo("青银知质借字第" + ref + "号").signedOn(t.signedOn()).principal(principal)
                .annualRate(new BigDecimal(t.rate())).maturityDate(t.signedOn().plusYears(2))
                .ipShare(new BigDecimal(t.ipShare())).otherFiscalSubsidy(t.otherFiscalSubsidy()));
        bank.loans().reportPledgeRegistration(ref, key(), new PledgeRegistrationReport()
                .registrationNo(unique("Y2025")).registeredOn(t.registeredOn()).securedAmount(principal)
                .assets(List.of(new AssetRef().kind(PledgeableAssetKind.PATENT).id(patentId))));
        return ref;
    }

    /** One interest period [start, end), due at its end. */
    /**
     * Eight borrowers admitted in 2025 in one district, with consecutive ids (four per partition of the test's two),
     * each with a loan of its own balance ({@code base + step × i}, so every claim has its own total) and two monthly
     * interest payments in 2025-Q3; returns their enterprise ids in order.
     */
    List<Long> eightBorrowersPayingInQ3(Bank bank, String district, int base, int step) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Borrower b = borrower(district, true);
            ids.add(b.enterpriseId());
            String balance = String.valueOf(base + step * i);
            String ref = loan(bank, b, b.patentId(), Terms.standard(d("2025-06-10"), balance, "0.0345"));
            payment(bank, ref, 1, d("2025-06-15"), d("2025-07-15"), balance, "1200.00", d("2025-07-15"));
            payment(bank, ref, 2, d("2025-07-15"), d("2025-08-15"), balance, "1240.00", d("2025-08-15"));
        }
        assertThat(ids.get(7) - ids.get(0)).as("consecutive ids: 4 enterprises per partition").isEqualTo(7);
        return ids;
    }

    /**
     * What an uninterrupted 2025-Q3 run of the programme computes: a dry run from the command line; returns each
     * enterprise's total (two lines each), and makes no claims.
     */
    Map<Long, BigDecimal> dryRunTotalsOfQ3(JobControl jobControl, long programmeId) {
        MockEnvironment command = new MockEnvironment().withProperty("ipf.batch.run", "interest-subsidy")
                .withProperty("ipf.batch.parameters.programme", String.valueOf(programmeId))
                .withProperty("ipf.batch.parameters.period", "2025-Q3")
                .withProperty("ipf.batch.parameters.dryRun", "true");
        assertThat(new cn.ipf.app.job.JobCommandLineAccess(jobControl, command).execute()).isZero();
        long dryRunId = jdbc.queryForObject("SELECT MAX(id) FROM subsidy_run WHERE programme_id = ? AND dry_run",
                Long.class, programmeId);
        Map<Long, BigDecimal> totals = new HashMap<>();
        jdbc.query("SELECT enterprise_id, SUM(amount) AS amount, SUM(line_count) AS line_total"
                + " FROM subsidy_dry_run_total WHERE run_id = ? GROUP BY enterprise_id", rs -> {
                    assertThat(rs.getInt("line_total")).isEqualTo(2);
                    totals.put(rs.getLong("enterprise_id"), rs.getBigDecimal("amount"));
                }, dryRunId);
        assertThat(count("subsidy_claim WHERE programme_id = " + programmeId)).as("a dry run makes no claims")
                .isZero();
        return totals;
    }

    void payment(Bank bank, String ref, int seq, LocalDate start, LocalDate end, String balance, String interest,
            LocalDate paid) throws Exception {
        bank.loans().reportInterestPayment(ref, key(), new InterestPaymentReport().externalId(ref + "-I" + seq)
                .sequenceNo(seq).accrualStart(start).accrualEnd(end).principalBalance(new BigDecimal(balance))
                .interestAmount(new BigDecimal(interest)).dueDate(end).paidDate(paid));
    }

    /** Launches the job (as the given admin or regulator) and waits for it to end. */
    JsonNode run(String token, Map<String, String> parameters) {
        Http.Response launched = http.with(token).post(JOB, Map.of("parameters", parameters));
        assertThat(launched.status()).as("launch: %s", launched).isEqualTo(202);
        return runToEnd(token, launched.json().get("executionId").asLong());
    }

    JsonNode completedRun(String token, long programmeId, String period) {
        JsonNode run = run(token, Map.of("programme", String.valueOf(programmeId), "period", period));
        assertThat(run.get("status").asString()).as("%s", run).isEqualTo("COMPLETED");
        return run;
    }

    /** Every claim of the programme as the caller sees them (newest first). */
    List<JsonNode> claims(String token, long programmeId) {
        Http.Response r = http.with(token).get(CLAIMS + "?programmeId=" + programmeId + "&size=200");
        assertThat(r.status()).as("claims: %s", r).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        r.json().get("items").forEach(list::add);
        return list;
    }

    JsonNode claim(String token, long claimId) {
        Http.Response r = http.with(token).get(CLAIMS + "/" + claimId);
        assertThat(r.status()).as("claim: %s", r).isEqualTo(200);
        return r.json();
    }

    /** The claim of one enterprise in one run. */
    JsonNode claimOf(String token, long programmeId, long enterpriseId, String period) {
        return claims(token, programmeId).stream()
                .filter(c -> c.get("enterpriseId").asLong() == enterpriseId && period.equals(c.path("period")
                        .asString(null)))
                .findFirst().map(c -> claim(token, c.get("claimId").asLong()))
                .orElseThrow(() -> new AssertionError("no claim of " + enterpriseId + " for " + period));
    }

    /** A field of every line of the claim, as plain numbers without trailing zeros. */
    static List<String> amounts(JsonNode claim, String field) {
        return claim.get("lines").findValues(field).stream()
                .map(v -> v.decimalValue().stripTrailingZeros().toPlainString()).toList();
    }

    static Map<String, Object> declaration() {
        return Map.of("account", Map.of("name", "青岛测试科技有限公司", "bank", "青岛银行市南支行", "number",
                "802880200012345"), "noDoubleSubsidy", true);
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
