package cn.ipf.app.demo;

import cn.ipf.app.user.Role;
import cn.ipf.app.user.UserService;
import cn.ipf.sdk.api.BankCompensationApi;
import cn.ipf.sdk.api.BankLoansApi;
import cn.ipf.sdk.client.ApiClient;
import cn.ipf.sdk.client.ApiException;
import cn.ipf.sdk.model.ClaimEvidence;
import cn.ipf.sdk.model.DefaultReport;
import cn.ipf.sdk.model.DelinquencyReport;
import cn.ipf.sdk.model.DelinquencyState;
import cn.ipf.sdk.model.EvidenceKind;
import cn.ipf.sdk.model.NewCompensationClaim;
import cn.ipf.sdk.model.RecoveryReport;
import cn.ipf.sdk.model.RecoverySource;
import cn.ipf.sdk.signing.IpfBankClients;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * 历史数据迁移 and two years of the programme, the way an office would take them over and work them: the admin
 * enters the LPR months after the seeded ones, opens the programmes and imports the CSV files under
 * {@code demo/history/} (four enterprises admitted in 2023–2024, their patents and a trademark, four pledged loans of
 * 2024–2025 with their quarterly interest and two repayments, an evaluation-fee subsidy paid before the platform). Then, over the API: interest-subsidy
 * runs for 2024, 2025-Q1 and 2025-Q2 (2025-Q3 is the README's example), each claim with money declared by its SME,
 * approved by its district and the city and paid; the 2025 loan of 青岛瑞丰 falls overdue and defaults, its bank files
 * a compensation claim that is approved and paid from the funds, and a later recovery is returned to them; the
 * monthly report of the current month is generated.
 *
 * <p>The default and the recovery are dated relative to today (overdue 200 days ago, defaulted 100 days ago,
 * recovered today) so that the claim is always inside its filing window; every amount is fixed.
 */
final class DemoHistory {

    static final String DEFAULTED_LOAN = "QDB-IPL-2025-00031";
    private static final String[][] FILES = {{"ENTERPRISES", "enterprises.csv"}, {"IP_ASSETS", "ip-assets.csv"},
            {"TRADEMARKS", "trademarks.csv"},
            {"LOANS", "loans.csv"}, {"INTEREST_PAYMENTS", "interest-payments.csv"}, {"REPAYMENTS", "repayments.csv"},
            {"PAID_SUBSIDIES", "paid-subsidies.csv"}};
    /** The imported enterprises' SME users, by USCC. */
    private static final Map<String, String> SMES = Map.of("91370211MA7HB2K1XH", "sme-haiyan",
            "91370202MA3CNQ8T50", "sme-zhihang", "91370211MA94RLD6WT", "sme-ruifeng",
            "91370202MA5EG7Y3P5", "sme-boyuan");
    private static final Map<String, String> DISTRICT_REVIEWERS = Map.of("370202", "shinan-reviewer",
            "370211", "huangdao-reviewer");

    private final DemoClient client;
    private final JdbcTemplate jdbc;
    private final LocalDate today;
    private final String admin;
    private final String city;

    DemoHistory(DemoClient client, JdbcTemplate jdbc, LocalDate today) {
        this.client = client;
        this.jdbc = jdbc;
        this.today = today;
        this.admin = client.signIn("admin", DemoData.PASSWORD);
        this.city = client.signIn("city-reviewer", DemoData.PASSWORD);
    }

    /** The 1-year LPR months after the seeded ones (to 2025-05) up to the last one published (on the 20th). */
    String lprMonths() {
        YearMonth last = YearMonth.from(today.getDayOfMonth() >= 20 ? today : today.minusMonths(1));
        int added = 0;
        for (YearMonth m = YearMonth.of(2025, 6); !m.isAfter(last); m = m.plusMonths(1), added++) {
            client.call(admin, "POST", "/api/v1/admin/lpr-rates", Map.of("month", m.toString(),
                    "oneYearRate", new BigDecimal("3.00")));
        }
        return added + " months 2025-06.." + last + " at 3.00 %";
    }

    /** Uploads the history files in dependency order; each must be imported whole. */
    String importHistory() {
        List<String> done = new ArrayList<>();
        for (String[] file : FILES) {
            long id = client.upload(admin, "/api/v1/admin/history-imports/" + file[0], file[1],
                    resource("demo/history/" + file[1])).get("importId").asLong();
            JsonNode result = client.until(admin, "/api/v1/admin/history-import-files/" + id,
                    f -> !"VALIDATING".equals(f.get("status").asString()));
            if (!"IMPORTED".equals(result.get("status").asString())) {
                throw new IllegalStateException("demo history file " + file[1] + " not imported: " + result);
            }
            done.add(file[0] + " " + result.get("rowCount").asInt());
        }
        return String.join(", ", done);
    }

    /** One SME user per imported enterprise, so that each can declare its claims. */
    List<String> smeAccounts(UserService users) {
        List<String> lines = new ArrayList<>();
        SMES.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> {
            long id = enterprise(e.getKey());
            users.create(new UserService.NewAccount(e.getValue(), DemoData.PASSWORD, e.getValue() + " 经办人",
                    Role.SME, id, null, null));
            lines.add(String.format("  %-18s %s (enterprise %d, imported)", e.getValue(), Role.SME, id));
        });
        return lines;
    }

    /**
     * Computes the periods, then walks every claim with money through declaration, both approvals and payment.
     * Answers what was paid.
     */
    String subsidies(long programmeId) {
        for (String period : List.of("2024", "2025-Q1", "2025-Q2")) {
            client.job(admin, "interest-subsidy", Map.of("programme", String.valueOf(programmeId), "period",
                    period));
        }
        Map<Long, String> smeTokens = new LinkedHashMap<>();
        SMES.forEach((uscc, user) -> smeTokens.put(enterprise(uscc), client.signIn(user, DemoData.PASSWORD)));
        Map<String, String> reviewers = new LinkedHashMap<>();
        DISTRICT_REVIEWERS.forEach((district, user) -> reviewers.put(district,
                client.signIn(user, DemoData.PASSWORD)));
        BigDecimal paid = BigDecimal.ZERO;
        int count = 0;
        for (JsonNode claim : client.call(admin, "GET", "/api/v1/subsidy/claims?programmeId=" + programmeId
                + "&size=200", null).get("items")) {
            String sme = smeTokens.get(claim.get("enterpriseId").asLong());
            if (sme == null || claim.get("totalAmount").decimalValue().signum() == 0) {
                continue; // the demo-data.sql borrowers were admitted today, after their loans: nothing to claim
            }
            String path = "/api/v1/subsidy/claims/" + claim.get("claimId").asLong();
            client.call(sme, "POST", path + "/declaration", Map.of("account", Map.of("name",
                    claim.get("enterpriseName").asString(), "bank", "青岛银行股份有限公司", "number",
                    "80288020" + String.format("%07d", claim.get("enterpriseId").asLong())), "noDoubleSubsidy", true));
            client.call(reviewers.get(claim.get("districtCode").asString()), "POST", path + "/district-approval",
                    null);
            client.call(city, "POST", path + "/city-approval", null);
            client.call(city, "POST", path + "/payment", Map.of("voucherNo", "GK" + today.getYear() + "-"
                    + claim.get("claimId").asLong(), "paidOn", today.toString()));
            paid = paid.add(claim.get("totalAmount").decimalValue());
            count++;
        }
        return count + " interest-subsidy claims paid, " + paid.toPlainString() + " yuan";
    }

    /**
     * The funds get their money and bank 1 its agreement; the loan defaults, bank 1 files through its SDK, the
     * claim is approved, released by the risk-compensation job and paid in a payment batch; a recovery is returned by
     * the next run.
     */
    String compensation(JsonNode programme, String appId, String secret) {
        long programmeId = programme.get("programmeId").asLong();
        Map<String, String> deposits = Map.of("PROVINCIAL_FUND", "2000000", "MUNICIPAL_FUND", "1000000");
        for (JsonNode fund : programme.get("funds")) {
            String amount = deposits.get(fund.get("code").asString());
            if (amount != null) {
                client.call(admin, "POST", "/api/v1/admin/compensation-funds/" + fund.get("fundId").asLong()
                        + "/deposits", Map.of("kind", "DEPOSIT", "amount", new BigDecimal(amount), "reference",
                        "GK-FUND-" + fund.get("code").asString(), "depositedOn", today.toString()));
            }
        }
        client.call(admin, "POST", "/api/v1/admin/compensation-programmes/" + programmeId + "/agreements", Map.of(
                "bankId", 1, "agreementNo", "QDZSCQ-HZ-2024-01", "activeFrom", "2024-01-01",
                "attributedFundAmount", new BigDecimal("3000000")));
        ApiClient bank = IpfBankClients.create(client.base(), appId, secret);
        BankLoansApi loans = new BankLoansApi(bank);
        long claimId;
        try {
            loans.reportDelinquency(DEFAULTED_LOAN, key(), new DelinquencyReport().externalId(DEFAULTED_LOAN + "-O1")
                    .state(DelinquencyState.OVERDUE).since(today.minusDays(200)));
            loans.reportDefault(DEFAULTED_LOAN, key(), new DefaultReport().externalId(DEFAULTED_LOAN + "-D1")
                    .defaultedOn(today.minusDays(100)).outstandingPrincipal(new BigDecimal("1500000")));
            claimId = new BankCompensationApi(bank).fileCompensationClaim(key(), new NewCompensationClaim()
                    .externalId(DEFAULTED_LOAN + "-C1").programmeId(programmeId).loanRef(DEFAULTED_LOAN)
                    .evidence(List.of(new ClaimEvidence().kind(EvidenceKind.COURT_JUDGMENT)
                            .reference("（" + today.getYear() + "）鲁0211民初2188号")))).getClaimId();
        } catch (ApiException e) {
            throw new IllegalStateException("demo default of " + DEFAULTED_LOAN + " refused: " + e.getResponseBody(),
                    e);
        }
        String path = "/api/v1/compensation/claims/" + claimId;
        client.call(client.signIn("huangdao-reviewer", DemoData.PASSWORD), "POST", path + "/district-approval", null);
        client.call(city, "POST", path + "/city-approval", null);
        client.job(admin, "risk-compensation", Map.of("programme", String.valueOf(programmeId)));
        payThroughBatch(programmeId);
        try {
            loans.reportRecovery(DEFAULTED_LOAN, key(), new RecoveryReport().externalId(DEFAULTED_LOAN + "-V1")
                    .recoveredOn(today).grossAmount(new BigDecimal("300000"))
                    .disposalCosts(new BigDecimal("20000")).source(RecoverySource.AUCTION));
        } catch (ApiException e) {
            throw new IllegalStateException("demo recovery refused: " + e.getResponseBody(), e);
        }
        client.job(admin, "risk-compensation", Map.of("programme", String.valueOf(programmeId)));
        JsonNode claim = client.call(admin, "GET", path, null);
        return "claim " + claimId + " " + claim.get("status").asString() + ", loan " + DEFAULTED_LOAN;
    }

    /**
     * 兑付 the released payout goes to bank 1's settlement account in a payment batch; the agent bank's result file
     * says it was paid today, and only then is the funds' ledger posted.
     */
    private void payThroughBatch(long programmeId) {
        client.call(admin, "PUT", "/api/v1/admin/banks/1/settlement-account", Map.of("name", "青岛银行清算账户",
                "bank", "青岛银行营业部", "number", "802880200000001"));
        JsonNode batch = client.call(city, "POST", "/api/v1/subsidy/payment-batches", Map.of(
                "compensationProgrammeId", programmeId));
        long batchId = batch.get("batchId").asLong();
        StringBuilder result = new StringBuilder("行号,申报编号,金额(元),结果,入账日期,银行流水号,失败原因\r\n");
        for (JsonNode line : batch.get("lines")) {
            result.append(line.get("lineNo").asInt()).append(',').append(line.get("claimReference").asString())
                    .append(',').append(line.get("amount").decimalValue().toPlainString()).append(",PAID,")
                    .append(today).append(",QDB").append(today.toString().replace("-", "")).append(batchId)
                    .append(line.get("lineNo").asInt()).append(",\r\n");
        }
        client.postFile(city, "/api/v1/subsidy/payment-batches/" + batchId + "/result?format=csv",
                result.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The regulator's monthly report of the current month (its payouts and recovery). */
    String monthlyReport() {
        String month = YearMonth.from(today).toString();
        client.job(admin, "regulator-monthly-report", Map.of("month", month));
        return month;
    }

    private long enterprise(String uscc) {
        return jdbc.queryForObject("SELECT id FROM enterprise WHERE uscc = ?", Long.class, uscc);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static byte[] resource(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
