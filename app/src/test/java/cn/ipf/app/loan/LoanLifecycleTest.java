package cn.ipf.app.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.ipf.app.library.LibraryTestSupport;
import static cn.ipf.app.testinfra.BankForms.contract;
import static cn.ipf.app.testinfra.BankForms.interest;
import static cn.ipf.app.testinfra.BankForms.inventionProduct;
import static cn.ipf.app.testinfra.BankForms.key;
import static cn.ipf.app.testinfra.BankForms.offer;
import static cn.ipf.app.testinfra.BankForms.registration;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.user.Role;
import cn.ipf.sdk.api.BankApplicationsApi;
import cn.ipf.sdk.api.BankLoansApi;
import cn.ipf.sdk.api.BankProductsApi;
import cn.ipf.sdk.client.ApiException;
import cn.ipf.sdk.model.ApplicationMessage;
import cn.ipf.sdk.model.ApplicationStatus;
import cn.ipf.sdk.model.ClosureReport;
import cn.ipf.sdk.model.DefaultReport;
import cn.ipf.sdk.model.DelinquencyReport;
import cn.ipf.sdk.model.DelinquencyState;
import cn.ipf.sdk.model.DisbursementReport;
import cn.ipf.sdk.model.InterestPaymentReport;
import cn.ipf.sdk.model.Loan;
import cn.ipf.sdk.model.LoanApplication;
import cn.ipf.sdk.model.LoanContractReport;
import cn.ipf.sdk.model.LoanRejection;
import cn.ipf.sdk.model.LoanStatus;
import cn.ipf.sdk.model.PledgeCancellationReport;
import cn.ipf.sdk.model.PrincipalRepaymentReport;
import cn.ipf.sdk.model.RecoveryReport;
import cn.ipf.sdk.model.RecoverySource;
import cn.ipf.sdk.model.RejectionReason;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applications, contracts, pledges, disbursement and loan reporting end to end: the SME over HTTP, the bank through
 * its SDK. Every illegal step is a 409 naming the current state; impossible data is a 400 that writes nothing.
 */
class LoanLifecycleTest extends LibraryTestSupport {

    private static final String DISTRICT = "370211";

    private BankApplicationsApi applications;
    private BankLoansApi loans;
    private BankProductsApi products;
    private long productId;
    private Person sme;
    private long enterpriseId;
    private long patentId;

    @BeforeEach
    void bankProductAndApplicant() throws Exception {
        String admin = adminToken();
        long bankId = bank(admin);
        var client = sdk(app(admin, bankId, null));
        applications = new BankApplicationsApi(client);
        loans = new BankLoansApi(client);
        products = new BankProductsApi(client);
        productId = products.publishProduct(key(), inventionProduct(unique("知易贷")))
                .getProductId();
        sme = person(Role.SME, null, null, null);
        enterpriseId = register(sme.token(), strongProfile(uscc(DISTRICT), DISTRICT)).get("enterpriseId").asLong();
        patentId = addInvention(sme.token(), enterpriseId, false).get("patentId").asLong();
    }

    @Test
    void fromApplicationToInterestPayments() throws Exception {
        JsonNode applied = apply(2_000_000, 12, patentId);
        long id = applied.get("applicationId").asLong();
        assertThat(applied.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(applied.get("assets").get(0).get("patentType").asString()).isEqualTo("INVENTION");

        assertThat(applications.listBankLoanApplications(ApplicationStatus.SUBMITTED, 0, 50).getItems())
                .extracting(LoanApplication::getApplicationId).contains(id);
        LoanApplication seen = applications.getBankLoanApplication(id);
        assertThat(seen.getEnterpriseId()).isEqualTo(enterpriseId);
        assertThat(seen.getProductId()).isEqualTo(productId);
        assertThat(seen.getAssets()).extracting(a -> a.getId()).containsExactly(patentId);
        products.reviseProduct(productId, key(), inventionProduct("知易贷（新版）"));
        assertThat(applications.getBankLoanApplication(id)).as("an application keeps the version it was made on")
                .satisfies(a -> assertThat(a.getProductId()).isEqualTo(productId))
                .satisfies(a -> assertThat(a.getProductVersion()).isEqualTo(1));

        assertThat(applications.requestLoanApplicationInformation(id, key(),
                new ApplicationMessage().message("请补充近两年财务报表")).getStatus())
                .isEqualTo(ApplicationStatus.INFO_REQUESTED);
        assertThat(smeStep(id, "information", Map.of("message", "已上传财务报表")).json().get("status").asString())
                .isEqualTo("SUBMITTED");
        LoanApplication approved = applications.approveLoanApplication(id, key(), offer());
        assertThat(approved.getStatus()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(approved.getOffer().getAmount()).isEqualByComparingTo("1800000");
        assertThat(smeStep(id, "offer-acceptance", null).json().get("status").asString()).isEqualTo("ACCEPTED");

        String ref = unique("QDB-L");
        LoanContractReport contract = contract(ref, signedOn());
        assertThat(problemCode(() -> applications.reportLoanContract(id, key(), contract)))
                .as("signed before the enterprise applied").isEqualTo("LOAN_RECORD_INVALID");
        submittedOn(jdbc, id, signedOn());
        Loan loan = applications.reportLoanContract(id, key(), contract);
        assertThat(loan.getStatus()).isEqualTo(LoanStatus.CONTRACTED);
        assertThat(loan.getApplicationId()).isEqualTo(id);
        assertThat(loan.getOutstandingPrincipal()).isEqualByComparingTo("0");
        assertThat(applications.reportLoanContract(id, key(), contract).getExternalId())
                .as("the same contract again is answered, not refused").isEqualTo(ref);
        assertThat(problemCode(() -> applications.reportLoanContract(id, key(),
                contract(ref, signedOn()).contractNo("other"))))
                .isEqualTo("EXTERNAL_ID_CONFLICT");

        assertThat(problemCode(() -> loans.reportPledgeRegistration(ref, key(),
                registration(unique("Y2023"), signedOn().minusYears(3), patentId))))
                .as("registered years before the application").isEqualTo("LOAN_RECORD_INVALID");
        Loan pledged = loans.reportPledgeRegistration(ref, key(),
                registration(unique("Y2026"), signedOn().plusDays(2), patentId));
        assertThat(pledged.getPledgeRegistrations()).singleElement()
                .satisfies(r -> assertThat(r.getAssets()).extracting(a -> a.getId()).containsExactly(patentId));
        Loan disbursed = loans.reportDisbursement(ref, key(),
                new DisbursementReport().disbursedOn(signedOn().plusDays(5)).amount(new BigDecimal("1800000")));
        assertThat(disbursed.getStatus()).isEqualTo(LoanStatus.DISBURSED);
        assertThat(disbursed.getOutstandingPrincipal()).isEqualByComparingTo("1800000");

        InterestPaymentReport first = interest(ref + "-I1", 1, disbursed.getDisbursedOn(), today());
        Loan paid = loans.reportInterestPayment(ref, key(), first);
        assertThat(paid.getInterestPayments()).singleElement()
                .satisfies(p -> assertThat(p.getInterestAmount()).isEqualByComparingTo("4875.00"));
        assertThat(loans.reportInterestPayment(ref, key(), first).getInterestPayments()).hasSize(1);
        assertThat(problemCode(() -> loans.reportInterestPayment(ref, key(),
                interest(ref + "-I1", 1, disbursed.getDisbursedOn(), today()).interestAmount(new BigDecimal("1")))))
                .isEqualTo("EXTERNAL_ID_CONFLICT");
        assertThat(problemCode(() -> loans.reportInterestPayment(ref, key(),
                interest(ref + "-I1b", 1, disbursed.getDisbursedOn(), today()))))
                .isEqualTo("INTEREST_SEQUENCE_TAKEN");
        Loan repaid = loans.reportPrincipalRepayment(ref, key(), new PrincipalRepaymentReport()
                .externalId(ref + "-R1").repaidOn(disbursed.getDisbursedOn().plusDays(30))
                .amount(new BigDecimal("300000")));
        assertThat(repaid.getRepaidPrincipal()).isEqualByComparingTo("300000");
        assertThat(repaid.getOutstandingPrincipal()).isEqualByComparingTo("1500000");

        // after the contract the SME reads its loan: disbursement, pledges, payments and repayments
        String loansPath = LIB + "/" + enterpriseId + "/loans";
        JsonNode mine = http.with(sme.token()).get(loansPath).json();
        long loanId = -1;
        for (JsonNode l : mine) {
            if (l.get("externalId").asString().equals(ref)) {
                loanId = l.get("loanId").asLong();
            }
        }
        JsonNode myLoan = http.with(sme.token()).get(loansPath + "/" + loanId).json().get("loan");
        assertThat(myLoan.get("disbursedAmount").decimalValue()).isEqualByComparingTo("1800000");
        assertThat(myLoan.get("pledgeRegistrations")).hasSize(1);
        assertThat(myLoan.get("interestPayments").get(0).get("interestAmount").decimalValue())
                .isEqualByComparingTo("4875.00");
        assertThat(myLoan.get("principalRepayments")).hasSize(1);
        assertThat(myLoan.get("outstandingPrincipal").decimalValue()).isEqualByComparingTo("1500000");
        Person stranger = person(Role.SME, null, null, null);
        assertThat(http.with(stranger.token()).get(loansPath + "/" + loanId).status()).isEqualTo(404);
        Long strangerEnterprise = register(stranger.token(), strongProfile(uscc(DISTRICT), DISTRICT))
                .get("enterpriseId").asLong();
        assertThat(http.with(sme.token()).get(LIB + "/" + strangerEnterprise + "/loans").status()).isEqualTo(404);
        assertThat(http.with(stranger.token()).get(LIB + "/" + strangerEnterprise + "/loans/" + loanId).code())
                .isEqualTo("LOAN_NOT_FOUND");

        JsonNode history = smeGet(id).get("history");
        assertThat(history.findValuesAsString("status")).containsExactly("SUBMITTED", "INFO_REQUESTED", "SUBMITTED",
                "APPROVED", "ACCEPTED", "CONTRACTED");
        assertThat(smeGet(id).get("loanExternalId").asString()).isEqualTo(ref);
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE entity_type = 'LOAN' AND entity_id = ?"
                + " ORDER BY id", String.class, String.valueOf(jdbc.queryForObject(
                        "SELECT id FROM loan WHERE external_id = ?", Long.class, ref))))
                .containsExactly("LOAN_CONTRACT_REPORTED", "PLEDGE_REGISTERED", "LOAN_DISBURSED",
                        "INTEREST_PAYMENT_REPORTED", "PRINCIPAL_REPAID");
    }

    @Test
    void illegalStepsAreConflictsNamingTheCurrentState() throws Exception {
        long id = apply(1_000_000, 12, patentId).get("applicationId").asLong();
        Http.Response early = smeStep(id, "offer-acceptance", null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(early.json().get("currentState").asString()).isEqualTo("SUBMITTED");
        assertThat(early.json().get("nextActor").asString()).isEqualTo("BANK");
        assertThat(strings(early.json().get("allowedActions")))
                .containsExactly("REQUEST_INFO", "APPROVE", "REJECT", "WITHDRAW");

        // the issue's example: the bank reports a contract while the offer waits for the enterprise
        long offered = apply(1_000_000, 12, patentId).get("applicationId").asLong();
        applications.approveLoanApplication(offered, key(), offer());
        JsonNode tooEarly = problem(() -> applications.reportLoanContract(offered, key(),
                contract(unique("L"), signedOn())));
        assertThat(tooEarly.get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(tooEarly.get("currentState").asString()).isEqualTo("APPROVED");
        assertThat(strings(tooEarly.get("allowedActions"))).containsExactly("ACCEPT", "DECLINE", "WITHDRAW");
        assertThat(tooEarly.get("nextActor").asString()).isEqualTo("ENTERPRISE");
        assertThat(tooEarly.get("detail").asString()).contains("REPORT_CONTRACT").contains("等待企业接受或拒绝授信方案");
        assertThat(smeStep(offered, "withdrawal", null).status()).isEqualTo(200);
        Http.Response again = http.header("Accept-Language", "en").with(sme.token())
                .post(applicationsPath() + "/" + offered + "/offer-acceptance", null);
        assertThat(again.json().get("detail").asString()).contains("The process has ended.");
        assertThat(again.json().get("allowedActions")).isEmpty();
        assertThat(again.json().get("nextActor").asString()).isEqualTo("NOBODY");

        assertThat(smeStep(id, "withdrawal", null).json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(problemCode(() -> applications.approveLoanApplication(id, key(), offer())))
                .isEqualTo("ILLEGAL_TRANSITION");
        assertThat(problemCode(() -> applications.reportLoanContract(id, key(), contract(unique("L"), signedOn()))))
                .isEqualTo("ILLEGAL_TRANSITION");

        long rejectedId = apply(1_000_000, 12, patentId).get("applicationId").asLong();
        assertThat(problemCode(() -> applications.rejectLoanApplication(rejectedId, key(),
                new LoanRejection().reasonCode(RejectionReason.OTHER)))).isEqualTo("VALIDATION_FAILED");
        assertThat(applications.rejectLoanApplication(rejectedId, key(),
                new LoanRejection().reasonCode(RejectionReason.CREDIT_RISK)).getRejectionReason())
                .isEqualTo(RejectionReason.CREDIT_RISK);
        assertThat(smeStep(rejectedId, "withdrawal", null).json().get("currentState").asString())
                .isEqualTo("REJECTED");

        String ref = contracted();
        assertThat(problemCode(() -> loans.reportInterestPayment(ref, key(),
                interest(ref + "-I1", 1, today(), today()))))
                .as("no payment on an undisbursed loan").isEqualTo("ILLEGAL_TRANSITION");
        assertThat(problemCode(() -> loans.reportDefault(ref, key(), new DefaultReport().externalId(ref + "-D")
                .defaultedOn(today()).outstandingPrincipal(BigDecimal.TEN)))).isEqualTo("ILLEGAL_TRANSITION");
    }

    @Test
    void applicationsMustFitTheProductAndTheAssets() throws Exception {
        long before = count("loan_application");
        assertThat(errorFields(applyRaw(100_000, 12, patentId))).containsExactly("amount");
        assertThat(errorFields(applyRaw(1_000_000, 48, patentId))).containsExactly("termMonths");
        assertThat(applyRaw(1_000_000, 12, 987_654_321L).code()).isEqualTo("APPLICATION_INVALID");
        Person other = person(Role.SME, null, null, null);
        long otherId = register(other.token(), strongProfile(uscc(DISTRICT), DISTRICT)).get("enterpriseId").asLong();
        long othersPatent = addInvention(other.token(), otherId, false).get("patentId").asLong();
        assertThat(errorFields(applyRaw(1_000_000, 12, othersPatent))).containsExactly("assets[0]");
        assertThat(http.with(other.token()).post(applicationsPath(), form(1_000_000, 12, patentId)).status())
                .as("another SME cannot apply for this enterprise").isEqualTo(404);
        assertThat(http.with(districtReviewer(DISTRICT).token()).post(applicationsPath(),
                form(1_000_000, 12, patentId)).code()).isEqualTo("FORBIDDEN");

        Http.Response listed = http.with(districtReviewer(DISTRICT).token()).post(
                LIB + "/" + enterpriseId + "/dishonesty-listings",
                Map.of("listedOn", today().minusDays(1).toString(), "source", "信用中国"));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(201);
        assertThat(applyRaw(1_000_000, 12, patentId).code()).isEqualTo("DISHONESTY_LISTED");
        assertThat(count("loan_application")).isEqualTo(before);
    }

    @Test
    void impossibleLoanDataIsRefusedWithNothingWritten() throws Exception {
        String ref = contracted();
        LocalDate disbursedOn = signedOn().plusDays(1);
        assertThat(problemCode(() -> loans.reportDisbursement(ref, key(), new DisbursementReport()
                .disbursedOn(disbursedOn).amount(new BigDecimal("9000000"))))).isEqualTo("LOAN_RECORD_INVALID");
        loans.reportDisbursement(ref, key(), new DisbursementReport().disbursedOn(disbursedOn)
                .amount(new BigDecimal("1800000")));

        assertThat(problemCode(() -> loans.reportInterestPayment(ref, key(),
                interest(ref + "-X", 1, disbursedOn, today()).paidDate(disbursedOn.minusDays(1)))))
                .as("paid before the accrual starts").isEqualTo("LOAN_RECORD_INVALID");
        assertThat(problemCode(() -> loans.reportInterestPayment(ref, key(),
                interest(ref + "-X", 1, disbursedOn, today()).accrualEnd(disbursedOn.minusDays(1)))))
                .as("accrual ends before it starts").isEqualTo("LOAN_RECORD_INVALID");
        assertThat(problemCode(() -> loans.reportInterestPayment(ref, key(),
                interest(ref + "-X", 1, disbursedOn.minusDays(1), today()))))
                .as("accrual before disbursement").isEqualTo("LOAN_RECORD_INVALID");
        assertThat(problemCode(() -> loans.reportInterestPayment(ref, key(),
                interest(ref + "-X", 1, disbursedOn, today()).interestAmount(new BigDecimal("-1")))))
                .as("negative amount").isEqualTo("VALIDATION_FAILED");
        assertThat(problemCode(() -> loans.reportInterestPayment(ref, key(),
                interest(ref + "-X", 1, disbursedOn, today()).interestAmount(new BigDecimal("1.005")))))
                .as("below the fen").isEqualTo("VALIDATION_FAILED");
        assertThat(problemCode(() -> loans.reportPrincipalRepayment(ref, key(), new PrincipalRepaymentReport()
                .externalId(ref + "-R").repaidOn(today()).amount(new BigDecimal("1800000.01")))))
                .as("more than outstanding").isEqualTo("LOAN_RECORD_INVALID");
        assertThat(problemCode(() -> loans.reportClosure(ref, key(), new ClosureReport().externalId(ref + "-C")
                .closedOn(today())))).as("principal still outstanding").isEqualTo("LOAN_RECORD_INVALID");
        Loan untouched = loans.getBankLoan(ref);
        assertThat(untouched.getInterestPayments()).isEmpty();
        assertThat(untouched.getPrincipalRepayments()).isEmpty();
        assertThat(untouched.getStatus()).isEqualTo(LoanStatus.DISBURSED);
    }

    @Test
    void interestPeriodsOfALoanNeverShareADayEvenWhenReportedConcurrently() throws Exception {
        String ref = contracted();
        LocalDate t = signedOn().plusDays(1);
        loans.reportDisbursement(ref, key(), new DisbursementReport().disbursedOn(t).amount(new BigDecimal("1800000")));
        loans.reportInterestPayment(ref, key(), interest(ref + "-I1", 1, t, today()));

        ApiException overlap = assertThrows(ApiException.class, () -> loans.reportInterestPayment(ref, key(),
                interest(ref + "-I2", 2, t, today()).accrualEnd(t.plusDays(61)).dueDate(t.plusDays(61))
                        .paidDate(today())));
        assertThat(overlap.getCode()).isEqualTo(409);
        JsonNode problem = JsonMapper.builder().build().readTree(overlap.getResponseBody());
        assertThat(problem.get("code").asString()).isEqualTo("ACCRUAL_OVERLAP");
        assertThat(problem.get("overlaps").get("externalId").asString()).isEqualTo(ref + "-I1");
        assertThat(problem.get("overlaps").get("sequenceNo").asInt()).isEqualTo(1);
        assertThat(problem.get("detail").asString()).contains(ref + "-I1");
        assertThat(loans.reportInterestPayment(ref, key(), interest(ref + "-I3", 3, t.plusDays(40), today()))
                .getInterestPayments()).as("a gap is allowed").hasSize(2);

        // two reports of overlapping periods that fill the gap [T+30, T+40) meet: one wins, one is refused
        long loanId = jdbc.queryForObject("SELECT id FROM loan WHERE external_id = ?", Long.class, ref);
        List<String> results = concurrently("loan", loanId, "%FROM loan WHERE bank_id = % FOR UPDATE%",
                sequence -> {
                    loans.reportInterestPayment(ref, key(), interest(ref + "-I" + sequence, sequence,
                            t.plusDays(30), today()).accrualEnd(t.plusDays(40)).dueDate(t.plusDays(40))
                            .paidDate(t.plusDays(40)));
                    return "201";
                });
        assertThat(results).containsExactlyInAnyOrder("201", "409 ACCRUAL_OVERLAP");
        assertThat(loans.getBankLoan(ref).getInterestPayments()).hasSize(3);
    }

    @Test
    void concurrentReportsOfTheSameContractBothAnswerTheOneLoan() throws Exception {
        long id = apply(2_000_000, 12, patentId).get("applicationId").asLong();
        applications.approveLoanApplication(id, key(), offer());
        assertThat(smeStep(id, "offer-acceptance", null).status()).isEqualTo(200);
        String ref = unique("QDB-L");
        submittedOn(jdbc, id, signedOn());
        LoanContractReport contract = contract(ref, signedOn());
        List<String> answers = concurrently("loan_application", id, "%FROM loan_application WHERE id = % FOR UPDATE%",
                i -> {
                    var answer = applications.reportLoanContractWithHttpInfo(id, key(), contract);
                    return answer.getStatusCode() + " " + answer.getData().getExternalId();
                });
        assertThat(answers).as("one creates the loan, the other (another Idempotency-Key) is answered with it")
                .containsExactlyInAnyOrder("201 " + ref, "200 " + ref);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM loan WHERE application_id = ?", Long.class, id))
                .isEqualTo(1);
    }

    @Test
    void matchingCountsOnlyAssetsThatCanStillBePledged() throws Exception {
        assertThat(collateral().get("passed").asBoolean()).isTrue();
        String ref = contracted();
        String registrationNo = unique("Y2026");
        loans.reportPledgeRegistration(ref, key(), registration(registrationNo, signedOn().plusDays(1), patentId));

        JsonNode pledged = collateral();
        assertThat(pledged.get("passed").asBoolean()).as("the only invention is under an active pledge").isFalse();
        assertThat(pledged.get("reason").asString()).contains("owns no asset");
        assertThat(applyRaw(1_000_000, 12, patentId).status()).as("as the application would be refused")
                .isEqualTo(400);

        loans.cancelPledgeRegistration(ref, registrationNo, key(),
                new PledgeCancellationReport().cancelledOn(signedOn().plusDays(2)));
        assertThat(collateral().get("passed").asBoolean()).as("PC01 released it").isTrue();
    }

    /** A request the concurrency tests send twice; it answers its status (and more), the problem's code if refused. */
    @FunctionalInterface
    private interface Request {
        String send(int n) throws Exception;
    }

    /**
     * Sends two requests (n = 4 and 5) while the test holds the row lock of {@code table}'s row {@code id}, releases it
     * once both wait for that row (their locking read matches {@code waiting}; or after 2 s on a slow machine, the
     * tests' lock wait timeout being 3 s), and answers what each got: the requests really meet under the lock.
     */
    private List<String> concurrently(String table, long id, String waiting, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> answers = new ArrayList<>();
        try (Connection holder = jdbc.getDataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT id FROM " + table + " WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, id);
                lock.executeQuery().close();
            }
            List<Future<String>> outcomes = new ArrayList<>();
            for (int n = 4; n <= 5; n++) {
                int nth = n;
                outcomes.add(pool.submit(() -> {
                    try {
                        return request.send(nth);
                    } catch (ApiException e) {
                        return e.getCode() + " " + e.getResponseBody().replaceAll(
                                "(?s).*\"code\"\\s*:\\s*\"([A-Z_]+)\".*", "$1");
                    }
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                    + " WHERE ID <> CONNECTION_ID() AND INFO LIKE ?", Long.class, waiting) < 2
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            holder.rollback();
            for (Future<String> f : outcomes) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        return answers;
    }

    /** The COLLATERAL criterion of this test's product in the enterprise's product matches. */
    private JsonNode collateral() {
        Http.Response r = http.with(sme.token()).get(LIB + "/" + enterpriseId + "/product-matches");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        for (JsonNode match : r.json()) {
            if (match.get("productId").asLong() == productId) {
                for (JsonNode c : match.get("criteria")) {
                    if (c.get("name").asString().equals("COLLATERAL")) {
                        return c;
                    }
                }
            }
        }
        throw new AssertionError("no COLLATERAL criterion for product " + productId + ": " + r);
    }

    @Test
    void defaultRecoveryAndClosureAndPledgeCancellation() throws Exception {
        String ref = contracted();
        String registrationNo = unique("Y2026");
        loans.reportPledgeRegistration(ref, key(), registration(registrationNo, signedOn().plusDays(2), patentId));
        LocalDate disbursedOn = signedOn().plusDays(1);
        loans.reportDisbursement(ref, key(), new DisbursementReport().disbursedOn(disbursedOn)
                .amount(new BigDecimal("1800000")));
        assertThat(errorFields(applyRaw(1_000_000, 12, patentId))).as("pledged asset").containsExactly("assets[0]");

        Loan overdue = loans.reportDelinquency(ref, key(), new DelinquencyReport().externalId(ref + "-O1")
                .state(DelinquencyState.OVERDUE).since(disbursedOn.plusDays(3)));
        assertThat(overdue.getOverdueSince()).isEqualTo(disbursedOn.plusDays(3));
        assertThat(problemCode(() -> loans.reportDelinquency(ref, key(), new DelinquencyReport()
                .externalId(ref + "-O2").state(DelinquencyState.OVERDUE).since(disbursedOn.plusDays(4)))))
                .isEqualTo("ILLEGAL_TRANSITION");
        Loan defaulted = loans.reportDefault(ref, key(), new DefaultReport().externalId(ref + "-D")
                .defaultedOn(disbursedOn.plusDays(4)).outstandingPrincipal(new BigDecimal("1800000")));
        assertThat(defaulted.getStatus()).isEqualTo(LoanStatus.DEFAULTED);
        assertThat(defaulted.getDefaultOutstandingPrincipal()).isEqualByComparingTo("1800000");

        RecoveryReport recovery = new RecoveryReport().externalId(ref + "-V1").recoveredOn(disbursedOn.plusDays(5))
                .grossAmount(new BigDecimal("600000")).disposalCosts(new BigDecimal("25000.50"))
                .source(RecoverySource.AUCTION);
        assertThat(loans.reportRecovery(ref, key(), recovery).getRecoveries()).hasSize(1);
        assertThat(loans.reportRecovery(ref, key(), recovery).getRecoveries()).as("replayed").hasSize(1);
        assertThat(problemCode(() -> loans.reportRecovery(ref, key(), new RecoveryReport().externalId(ref + "-V2")
                .recoveredOn(disbursedOn.plusDays(3)).grossAmount(BigDecimal.ONE).disposalCosts(BigDecimal.ZERO)
                .source(RecoverySource.LICENSE)))).as("before the default").isEqualTo("LOAN_RECORD_INVALID");

        Loan cancelled = loans.cancelPledgeRegistration(ref, registrationNo, key(),
                new PledgeCancellationReport().cancelledOn(disbursedOn.plusDays(6)));
        assertThat(cancelled.getPledgeRegistrations()).singleElement()
                .satisfies(r -> assertThat(r.getCancelledOn()).isEqualTo(disbursedOn.plusDays(6)));
        assertThat(problemCode(() -> loans.cancelPledgeRegistration(ref, registrationNo, key(),
                new PledgeCancellationReport().cancelledOn(disbursedOn.plusDays(7)))))
                .isEqualTo("PLEDGE_ALREADY_CANCELLED");
        assertThat(applyRaw(1_000_000, 12, patentId).status()).as("PC01 released the patent").isEqualTo(201);

        Loan closed = loans.reportClosure(ref, key(), new ClosureReport().externalId(ref + "-C")
                .closedOn(disbursedOn.plusDays(6)));
        assertThat(closed.getStatus()).isEqualTo(LoanStatus.CLOSED);
        assertThat(closed.getOverdueSince()).isNull();
        assertThat(jdbc.queryForObject("SELECT defaulted_on FROM loan WHERE external_id = ?", LocalDate.class, ref))
                .as("the library's screening sees the default").isEqualTo(disbursedOn.plusDays(4));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    // ---- steps -------------------------------------------------------------------------------------------------

    /** A loan contracted on an accepted offer of 1.8 M; answers the bank's loan id. */
    private String contracted() throws Exception {
        long id = apply(2_000_000, 12, patentId).get("applicationId").asLong();
        applications.approveLoanApplication(id, key(), offer());
        assertThat(smeStep(id, "offer-acceptance", null).status()).isEqualTo(200);
        String ref = unique("QDB-L");
        submittedOn(jdbc, id, signedOn());
        applications.reportLoanContract(id, key(), contract(ref, signedOn()));
        return ref;
    }

    private String applicationsPath() {
        return LIB + "/" + enterpriseId + "/loan-applications";
    }

    private Map<String, Object> form(long amount, int termMonths, long patent) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("productId", productId);
        form.put("amount", amount);
        form.put("termMonths", termMonths);
        form.put("purpose", "研发投入");
        form.put("assets", List.of(Map.of("kind", "PATENT", "id", patent)));
        return form;
    }

    private Http.Response applyRaw(long amount, int termMonths, long patent) {
        return http.with(sme.token()).post(applicationsPath(), form(amount, termMonths, patent));
    }

    private JsonNode apply(long amount, int termMonths, long patent) {
        Http.Response r = applyRaw(amount, termMonths, patent);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private Http.Response smeStep(long applicationId, String step, Object body) {
        return http.with(sme.token()).post(applicationsPath() + "/" + applicationId + "/" + step, body);
    }

    private JsonNode smeGet(long applicationId) {
        return http.with(sme.token()).get(applicationsPath() + "/" + applicationId).json();
    }

    private static LocalDate signedOn() {
        return today().minusDays(60);
    }


}
