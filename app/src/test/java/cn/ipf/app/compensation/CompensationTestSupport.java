package cn.ipf.app.compensation;

import static cn.ipf.app.testinfra.BankForms.key;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.compensation.DefaultedLoans.Lender;
import cn.ipf.app.library.LibraryTestSupport;
import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.PaymentBatchRound;
import cn.ipf.app.user.Role;
import cn.ipf.sdk.api.BankCompensationApi;
import cn.ipf.sdk.client.ApiClient;
import cn.ipf.sdk.model.ClaimEvidence;
import cn.ipf.sdk.model.CompensationClaim;
import cn.ipf.sdk.model.DisposalStepKind;
import cn.ipf.sdk.model.EvidenceKind;
import cn.ipf.sdk.model.NewCompensationClaim;
import cn.ipf.sdk.model.NewDisposalStep;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/**
 * What the risk-compensation tests share: programmes, agreements and deposits through the admin API, banks with their
 * SDK, defaulted loans ({@link DefaultedLoans}), claims filed through the SDK and reviewed over HTTP, runs of the job
 * through the job API, and the ledger invariant checked through the trial balance.
 */
abstract class CompensationTestSupport extends LibraryTestSupport {

    static final String DISTRICT = "370211";
    static final String CITY = "370200";
    static final String CLAIMS = "/api/v1/compensation/claims/";

    String admin;
    DefaultedLoans loans;
    private final Map<String, Person> people = new HashMap<>();

    @BeforeEach
    void adminAndLoans() {
        admin = adminToken();
        loans = new DefaultedLoans(this, http, jdbc);
    }

    record Bank(Lender lender, BankCompensationApi compensation, ApiClient client) {
    }

    /** A bank with its API app and its settlement account (the payee of its compensation payouts). */
    Bank bank() throws Exception {
        ApiClient client = sdk(app(admin, bank(admin), null));
        Bank bank = new Bank(loans.lender(client), new BankCompensationApi(client), client);
        PaymentBatchRound.settlementAccount(http.with(admin), bank.lender().bankId(), "6217000000000000001");
        return bank;
    }

    Person city(String name) {
        return people.computeIfAbsent(name, k -> person(Role.CITY_REVIEWER, null, null, null));
    }

    Person regulatorPerson() {
        return people.computeIfAbsent("regulator", k -> person(Role.REGULATOR, null, null, null));
    }

    /** A programme of the region, effective 2025-01-01, with the given rules (null: the shipped default). */
    JsonNode programme(String region, Map<String, Object> rules) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", unique("知识产权质押融资风险补偿"));
        form.put("regionCode", region);
        form.put("effectiveFrom", "2025-01-01");
        if (rules != null) {
            form.put("rules", rules);
        }
        Http.Response r = http.with(admin).post("/api/v1/admin/compensation-programmes", form);
        assertThat(r.status()).as("programme: %s", r).isEqualTo(201);
        return r.json();
    }

    static long id(JsonNode programme) {
        return programme.get("programmeId").asLong();
    }

    static long fund(JsonNode programme, String code) {
        for (JsonNode f : programme.get("funds")) {
            if (f.get("code").asString().equals(code)) {
                return f.get("fundId").asLong();
            }
        }
        throw new AssertionError("no fund " + code);
    }

    void agreement(long programmeId, long bankId, String from, String attributed) {
        Http.Response r = http.with(admin).post("/api/v1/admin/compensation-programmes/" + programmeId
                + "/agreements", Map.of("bankId", bankId, "agreementNo", unique("HZ"), "activeFrom", from,
                        "attributedFundAmount", new BigDecimal(attributed)));
        assertThat(r.status()).as("agreement: %s", r).isEqualTo(201);
    }

    JsonNode deposit(long fundId, String kind, String amount) {
        Http.Response r = http.with(admin).post("/api/v1/admin/compensation-funds/" + fundId + "/deposits", Map.of(
                "kind", kind, "amount", new BigDecimal(amount), "reference", unique("GK"), "depositedOn",
                today().toString()));
        assertThat(r.status()).as("deposit: %s", r).isEqualTo(201);
        return r.json();
    }

    static NewCompensationClaim claimForm(long programmeId, String loanRef) {
        return new NewCompensationClaim().externalId("C-" + key().substring(0, 12)).programmeId(programmeId)
                .loanRef(loanRef).evidence(List.of(new ClaimEvidence().kind(EvidenceKind.COURT_JUDGMENT)
                        .reference("（2026）鲁0211民初1234号"), new ClaimEvidence().kind(EvidenceKind.COLLECTION_RECORD)
                        .reference("CS-2026-" + key().substring(0, 6)).description("催收记录")));
    }

    CompensationClaim file(Bank bank, long programmeId, String loanRef) throws Exception {
        return bank.compensation().fileCompensationClaim(key(), claimForm(programmeId, loanRef));
    }

    /** District approval by the borrower's district reviewer, city approval by a city reviewer. */
    JsonNode approve(long claimId) {
        Http.Response district = http.with(districtReviewer(DISTRICT).token()).post(CLAIMS + claimId
                + "/district-approval", null);
        assertThat(district.status()).as("district approval: %s", district).isEqualTo(200);
        Http.Response city = http.with(city("city-1").token()).post(CLAIMS + claimId + "/city-approval", null);
        assertThat(city.status()).as("city approval: %s", city).isEqualTo(200);
        return city.json();
    }

    /** A claim paid from two funds and the bank, ready for recoveries to be returned. */
    record PaidClaim(long programmeId, Bank bank, DefaultedLoans.Borrower borrower, String loanRef, long claimId) {
    }

    /**
     * A programme of the city with the bank's agreement and deposits of 2 000 000 (provincial) and 1 000 000
     * (municipal); a defaulted loan of 1 000 000 at 80 % IP share (loss base 800 000, shipped rules: provincial
     * 320 000, municipal 160 000, the bank 320 000), its claim filed, approved and paid.
     */
    PaidClaim paidClaim() throws Exception {
        JsonNode programme = programme(CITY, null);
        long p = id(programme);
        Bank bank = bank();
        agreement(p, bank.lender().bankId(), "2025-01-01", "1000000");
        deposit(fund(programme, "PROVINCIAL_FUND"), "DEPOSIT", "2000000");
        deposit(fund(programme, "MUNICIPAL_FUND"), "DEPOSIT", "1000000");
        DefaultedLoans.Borrower borrower = loans.borrower(DISTRICT, true);
        String loanRef = loans.loan(bank.lender(), borrower, "1000000", "0.8", DefaultedLoans.Dates.standard());
        long claimId = file(bank, p, loanRef).getClaimId();
        approve(claimId);
        settle(p);
        return new PaidClaim(p, bank, borrower, loanRef, claimId);
    }

    /** A disposal step of the kind on the day, under an external id of its own. */
    static NewDisposalStep step(String suffix, DisposalStepKind kind, String on) {
        return new NewDisposalStep().externalId("DS-" + suffix + "-" + key().substring(0, 12)).kind(kind)
                .takenOn(LocalDate.parse(on));
    }

    JsonNode claim(long claimId) {
        Http.Response r = http.with(regulatorPerson().token()).get(CLAIMS + claimId);
        assertThat(r.status()).as("claim: %s", r).isEqualTo(200);
        return r.json();
    }

    JsonNode launch(long programmeId) {
        Http.Response launched = http.with(admin).post("/api/v1/admin/jobs/risk-compensation/executions",
                Map.of("parameters", Map.of("programme", String.valueOf(programmeId))));
        assertThat(launched.status()).as("launch: %s", launched).isEqualTo(202);
        return runToEnd(admin, launched.json().get("executionId").asLong());
    }

    /**
     * A run of the job (it releases payouts and returns recoveries), then the payouts it released paid through a
     * payment batch whose result file says PAID: what the office does after each run.
     */
    JsonNode settle(long programmeId) {
        JsonNode run = launch(programmeId);
        assertThat(run.get("status").asString()).as("%s", run).isEqualTo("COMPLETED");
        PaymentBatchRound.payCompensation(http.with(city("city-1").token()), programmeId, today());
        return run;
    }

    /**
     * The ledger invariant through the regulator's trial balance: total debits = total credits and every account's
     * kept balance equals the sum of its postings. Answers the balances by account code.
     */
    Map<String, BigDecimal> balancedLedger(long programmeId) {
        Http.Response r = http.with(regulatorPerson().token()).get("/api/v1/compensation/programmes/" + programmeId
                + "/trial-balance");
        assertThat(r.status()).as("trial balance: %s", r).isEqualTo(200);
        JsonNode t = r.json();
        assertThat(t.get("balanced").asBoolean()).as("%s", t).isTrue();
        assertThat(t.get("totalDebits").decimalValue()).isEqualByComparingTo(t.get("totalCredits").decimalValue());
        Map<String, BigDecimal> balances = new HashMap<>();
        for (JsonNode a : t.get("accounts")) {
            assertThat(a.get("keptBalance").decimalValue()).as(a.get("code").asString())
                    .isEqualByComparingTo(a.get("balance").decimalValue());
            balances.put(a.get("code").asString(), a.get("balance").decimalValue());
        }
        // and each fund's books: cash = contributions − compensation + recoveries
        for (String fund : balances.keySet().stream().filter(c -> c.endsWith(".ASSET")).map(c -> c.replace(".ASSET",
                "")).toList()) {
            assertThat(balances.get(fund + ".ASSET").add(balances.get(fund + ".EQUITY"))
                    .add(balances.get(fund + ".EXPENSE")).add(balances.get(fund + ".INCOME")))
                    .as("fund %s balances", fund).isEqualByComparingTo("0");
        }
        return balances;
    }

    /** What each payout line came to, by layer code. */
    static Map<String, String> amounts(JsonNode lines) {
        Map<String, String> out = new LinkedHashMap<>();
        lines.forEach(l -> out.put(l.get("layerCode").asString(), l.get("amount").decimalValue()
                .setScale(2).toPlainString()));
        return out;
    }
}
