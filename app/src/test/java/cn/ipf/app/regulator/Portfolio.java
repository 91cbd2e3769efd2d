package cn.ipf.app.regulator;

import static cn.ipf.app.testinfra.BankForms.key;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.compensation.DefaultedLoans;
import cn.ipf.app.compensation.DefaultedLoans.Borrower;
import cn.ipf.app.compensation.DefaultedLoans.Dates;
import cn.ipf.app.compensation.DefaultedLoans.Lender;
import cn.ipf.app.library.LibraryTestSupport;
import cn.ipf.app.library.LibraryTestSupport.Person;
import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.PaymentBatchRound;
import cn.ipf.app.user.Role;
import cn.ipf.sdk.api.BankCompensationApi;
import cn.ipf.sdk.client.ApiClient;
import cn.ipf.sdk.model.AssetRef;
import cn.ipf.sdk.model.ClaimEvidence;
import cn.ipf.sdk.model.EvidenceKind;
import cn.ipf.sdk.model.InterestPaymentReport;
import cn.ipf.sdk.model.NewCompensationClaim;
import cn.ipf.sdk.model.PledgeRegistrationReport;
import cn.ipf.sdk.model.PledgeableAssetKind;
import cn.ipf.sdk.model.RecoveryReport;
import cn.ipf.sdk.model.RecoverySource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A known portfolio in a city of its own (two districts, two banks), built the way it happens: enterprises register
 * and are admitted, banks report loans, pledges, interest, defaults and recoveries through the SDK, a subsidy claim
 * is computed by the job, declared, approved and paid, a compensation claim is filed, approved and paid by the job.
 * The region rows (no API) and the admission dates moved back to 2025 are the only things arranged in SQL.
 *
 * <pre>
 * E1 (district 1, C3736): L1 bank A 1 000 000 signed 2025-03-03, patent P1 pledged 03-05, trademark T1 pledged 03-06,
 *                         disbursed 03-10, interest 03-10..04-10 paid 04-10 (subsidised, claim paid today);
 *                         L2 bank B 600 000 signed 03-12, P2 pledged 03-14, disbursed 03-20
 * E2 (district 2, I6510): L3 bank A 2 000 000 signed 2024-03-01, P3 pledged 03-04, disbursed 03-08;
 *                         L4 bank A 800 000 signed 2025-02-20, P4 pledged 02-25, disbursed 04-02
 * E3 (district 1, C3736): L5 bank B 1 000 000 signed 2025-09-01, P5 pledged 09-03, disbursed 09-05, overdue from
 *                         2026-03-01, defaulted 2026-06-01, recovery 150 000 on 2026-07-01; compensation 600 000
 *                         paid today (provincial 400 000 + municipal 200 000)
 * </pre>
 */
final class Portfolio {

    final String city;
    final String district1;
    final String district2;
    long bankA;
    long bankB;
    long e1;
    long e2;
    long e3;
    String l1;
    BigDecimal subsidyPaid;
    long subsidyProgrammeId;
    long subsidyClaimId;
    long compensationProgrammeId;
    long compensationClaimId;

    private final LibraryTestSupport t;
    private final Http http;
    private final JdbcTemplate jdbc;
    private final String admin;
    private final BiFunction<String, Long, JsonNode> runToEnd;

    /** runToEnd: the test's way of waiting for a job execution to end. */
    Portfolio(LibraryTestSupport t, Http http, JdbcTemplate jdbc, String admin,
            BiFunction<String, Long, JsonNode> runToEnd) {
        this.t = t;
        this.runToEnd = runToEnd;
        this.http = http;
        this.jdbc = jdbc;
        this.admin = admin;
        String prefix = freePrefix(jdbc);
        city = prefix + "00";
        district1 = prefix + "01";
        district2 = prefix + "02";
        jdbc.update("INSERT INTO region (code, name, region_level, parent_code) VALUES (?, ?, 'CITY', NULL)", city,
                "统计市" + prefix);
        jdbc.update("INSERT INTO region (code, name, region_level, parent_code) VALUES (?, ?, 'DISTRICT', ?), "
                + "(?, ?, 'DISTRICT', ?)", district1, "甲区" + prefix, city, district2, "乙区" + prefix, city);
    }

    private static String freePrefix(JdbcTemplate jdbc) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String prefix = String.valueOf(1000 + ThreadLocalRandom.current().nextInt(3999));
            if (jdbc.queryForObject("SELECT COUNT(*) FROM region WHERE code LIKE ?", Long.class, prefix + "%") == 0) {
                return prefix;
            }
        }
        throw new AssertionError("no free region code");
    }

    /** Builds everything in the class comment. */
    Portfolio build(Map<String, ApiClient> clients) throws Exception {
        DefaultedLoans loans = new DefaultedLoans(t, http, jdbc);
        ApiClient clientA = clients.get("A");
        ApiClient clientB = clients.get("B");
        Lender a = loans.lender(clientA);
        Lender b = loans.lender(clientB);
        bankA = a.bankId();
        bankB = b.bankId();

        Borrower b1 = loans.borrower(district1, true);
        e1 = b1.enterpriseId();
        long p2 = t.addInvention(b1.sme().token(), e1, false).get("patentId").asLong();
        long t1 = trademark(b1.sme(), e1);
        l1 = loans.loan(a, b1, "1000000", "1", dates("2025-03-03", "2025-03-05", "2025-03-10"));
        a.loans().reportPledgeRegistration(l1, key(), new PledgeRegistrationReport().registrationNo("TM" + key()
                .substring(0, 12)).registeredOn(LocalDate.parse("2025-03-06")).securedAmount(new BigDecimal(
                        "100000")).assets(List.of(new AssetRef().kind(PledgeableAssetKind.TRADEMARK).id(t1))));
        a.loans().reportInterestPayment(l1, key(), new InterestPaymentReport().externalId(l1 + "-I1").sequenceNo(1)
                .accrualStart(LocalDate.parse("2025-03-10")).accrualEnd(LocalDate.parse("2025-04-10"))
                .principalBalance(new BigDecimal("1000000")).interestAmount(new BigDecimal("2798.61"))
                .dueDate(LocalDate.parse("2025-04-10")).paidDate(LocalDate.parse("2025-04-10")));
        loans.loan(b, new Borrower(e1, b1.sme(), p2), "600000", "1", dates("2025-03-12", "2025-03-14", "2025-03-20"));

        Person sme2 = t.person(Role.SME, null, null, null);
        Map<String, Object> profile = LibraryTestSupport.strongProfile(LibraryTestSupport.uscc(district2), district2);
        profile.put("industryCode", "I6510");
        e2 = t.register(sme2.token(), profile).get("enterpriseId").asLong();
        long p3 = t.addInvention(sme2.token(), e2, false).get("patentId").asLong();
        long p4 = t.addInvention(sme2.token(), e2, false).get("patentId").asLong();
        loans.loan(a, new Borrower(e2, sme2, p3), "2000000", "1", dates("2024-03-01", "2024-03-04", "2024-03-08"));
        loans.loan(a, new Borrower(e2, sme2, p4), "800000", "1", dates("2025-02-20", "2025-02-25", "2025-04-02"));

        Borrower b3 = loans.borrower(district1, true);
        e3 = b3.enterpriseId();
        String l5 = loans.loan(b, b3, "1000000", "1", Dates.standard());
        b.loans().reportRecovery(l5, key(), new RecoveryReport().externalId(l5 + "-V1")
                .recoveredOn(LocalDate.parse("2026-07-01")).grossAmount(new BigDecimal("150000"))
                .disposalCosts(BigDecimal.ZERO).source(RecoverySource.AUCTION));

        subsidy(b1);
        compensation(new BankCompensationApi(clientB), l5);
        return this;
    }

    private static Dates dates(String signed, String registered, String disbursed) {
        return new Dates(LocalDate.parse(signed), LocalDate.parse(registered), LocalDate.parse(disbursed), null,
                null);
    }

    private long trademark(Person sme, long enterpriseId) {
        Http.Response r = http.with(sme.token()).post(LibraryTestSupport.LIB + "/" + enterpriseId + "/trademarks",
                Map.of("registrationNo", String.valueOf(100_000_000L + ThreadLocalRandom.current()
                        .nextLong(800_000_000L)), "markName", "统计", "niceClass", 9, "validUntil", "2034-05-20"));
        assertThat(r.status()).as("trademark: %s", r).isEqualTo(201);
        return r.json().get("trademarkId").asLong();
    }

    /** The interest-subsidy job computes E1's April 2025 claim; it is declared, approved at both levels and paid. */
    private void subsidy(Borrower b1) {
        Http.Response programme = http.with(admin).post("/api/v1/admin/subsidy-programmes", Map.of("name",
                "统计贴息" + key().substring(0, 6), "regionCode", city, "budget", new BigDecimal("1000000"),
                "periodStart", "2025-01-01", "periodEnd", "2026-12-31"));
        assertThat(programme.status()).as("programme: %s", programme).isEqualTo(201);
        long programmeId = programme.json().get("programmeId").asLong();
        subsidyProgrammeId = programmeId;
        Http.Response launched = http.with(admin).post("/api/v1/admin/jobs/interest-subsidy/executions",
                Map.of("parameters", Map.of("programme", String.valueOf(programmeId), "period", "2025-04")));
        assertThat(launched.status()).as("launch: %s", launched).isEqualTo(202);
        JsonNode run = runToEnd.apply(admin, launched.json().get("executionId").asLong());
        assertThat(run.get("status").asString()).as("%s", run).isEqualTo("COMPLETED");
        JsonNode claims = http.with(admin).get("/api/v1/subsidy/claims?programmeId=" + programmeId).json();
        assertThat(claims.get("items")).hasSize(1);
        subsidyClaimId = claims.get("items").get(0).get("claimId").asLong();
        String path = "/api/v1/subsidy/claims/" + subsidyClaimId;
        ok(http.with(b1.sme().token()).post(path + "/declaration", Map.of("account", Map.of("name", "青岛测试科技有限公司",
                "bank", "青岛银行市南支行", "number", "802880200012345"), "noDoubleSubsidy", true)));
        ok(http.with(t.districtReviewer(district1).token()).post(path + "/district-approval", null));
        Person city = t.person(Role.CITY_REVIEWER, null, null, null);
        ok(http.with(city.token()).post(path + "/city-approval", null));
        JsonNode paid = ok(http.with(city.token()).post(path + "/payment", Map.of("voucherNo", "GK" + key()
                .substring(0, 8), "paidOn", LibraryTestSupport.today().toString())));
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        subsidyPaid = paid.get("totalAmount").decimalValue();
        assertThat(subsidyPaid).isPositive();
    }

    /** A programme of the city with bank B's agreement and funds; L5's claim is filed, approved and paid. */
    private void compensation(BankCompensationApi api, String loanRef) throws Exception {
        Http.Response created = http.with(admin).post("/api/v1/admin/compensation-programmes", Map.of("name",
                "统计风险补偿" + key().substring(0, 6), "regionCode", city, "effectiveFrom", "2025-01-01"));
        assertThat(created.status()).as("programme: %s", created).isEqualTo(201);
        JsonNode programme = created.json();
        long programmeId = programme.get("programmeId").asLong();
        compensationProgrammeId = programmeId;
        ok(http.with(admin).post("/api/v1/admin/compensation-programmes/" + programmeId + "/agreements", Map.of(
                "bankId", bankB, "agreementNo", "HZ" + key().substring(0, 8), "activeFrom", "2025-01-01",
                "attributedFundAmount", new BigDecimal("1000000"))));
        for (JsonNode fund : programme.get("funds")) {
            ok(http.with(admin).post("/api/v1/admin/compensation-funds/" + fund.get("fundId").asLong() + "/deposits",
                    Map.of("kind", "DEPOSIT", "amount", new BigDecimal("5000000"), "reference", "GK" + key()
                            .substring(0, 8), "depositedOn", LibraryTestSupport.today().toString())));
        }
        compensationClaimId = api.fileCompensationClaim(key(), new NewCompensationClaim().externalId("C-" + key()
                .substring(0, 12)).programmeId(programmeId).loanRef(loanRef).evidence(List.of(new ClaimEvidence()
                        .kind(EvidenceKind.COURT_JUDGMENT).reference("（2026）鲁0211民初1234号")))).getClaimId();
        String path = "/api/v1/compensation/claims/" + compensationClaimId;
        ok(http.with(t.districtReviewer(district1).token()).post(path + "/district-approval", null));
        ok(http.with(t.person(Role.CITY_REVIEWER, null, null, null).token()).post(path + "/city-approval", null));
        Http.Response launched = http.with(admin).post("/api/v1/admin/jobs/risk-compensation/executions",
                Map.of("parameters", Map.of("programme", String.valueOf(programmeId))));
        assertThat(launched.status()).as("launch: %s", launched).isEqualTo(202);
        JsonNode run = runToEnd.apply(admin, launched.json().get("executionId").asLong());
        assertThat(run.get("status").asString()).as("%s", run).isEqualTo("COMPLETED");
        PaymentBatchRound.settlementAccount(http.with(admin), bankB, "6217000000000000002");
        PaymentBatchRound.payCompensation(http.with(admin), programmeId, LibraryTestSupport.today());
        assertThat(ok(http.with(admin).get(path)).get("status").asString()).isEqualTo("PAID");
    }

    private static JsonNode ok(Http.Response r) {
        assertThat(r.status()).as("%s", r).isBetween(200, 201);
        return r.json();
    }
}
