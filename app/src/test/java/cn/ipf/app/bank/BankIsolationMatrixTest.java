package cn.ipf.app.bank;

import static cn.ipf.app.testinfra.BankForms.contract;
import static cn.ipf.app.testinfra.BankForms.interest;
import static cn.ipf.app.testinfra.BankForms.inventionProduct;
import static cn.ipf.app.testinfra.BankForms.key;
import static cn.ipf.app.testinfra.BankForms.offer;
import static cn.ipf.app.testinfra.BankForms.registration;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.compensation.DefaultedLoans;
import cn.ipf.app.library.LibraryTestSupport;
import cn.ipf.app.testinfra.Http;
import cn.ipf.app.user.Role;
import cn.ipf.app.webhook.WebhookDispatcher;
import cn.ipf.sdk.api.BankApplicationsApi;
import cn.ipf.sdk.api.BankCandidatesApi;
import cn.ipf.sdk.api.BankCompensationApi;
import cn.ipf.sdk.api.BankCreditLinesApi;
import cn.ipf.sdk.api.BankDisposalsApi;
import cn.ipf.sdk.api.BankIdentityApi;
import cn.ipf.sdk.api.BankLoansApi;
import cn.ipf.sdk.api.BankMatchingEventsApi;
import cn.ipf.sdk.api.BankProductsApi;
import cn.ipf.sdk.api.BankWebhookDeliveriesApi;
import cn.ipf.sdk.api.BankWebhooksApi;
import cn.ipf.sdk.api.BankWhitelistApi;
import cn.ipf.sdk.client.ApiClient;
import cn.ipf.sdk.model.ApplicationMessage;
import cn.ipf.sdk.model.AssetRef;
import cn.ipf.sdk.model.ClaimEvidence;
import cn.ipf.sdk.model.ClosureReport;
import cn.ipf.sdk.model.CompensationClaim;
import cn.ipf.sdk.model.CreditLine;
import cn.ipf.sdk.model.DefaultReport;
import cn.ipf.sdk.model.DelinquencyReport;
import cn.ipf.sdk.model.DelinquencyState;
import cn.ipf.sdk.model.DisbursementReport;
import cn.ipf.sdk.model.DisposalMethod;
import cn.ipf.sdk.model.DisposalStepKind;
import cn.ipf.sdk.model.EvidenceKind;
import cn.ipf.sdk.model.IntentionCreditReport;
import cn.ipf.sdk.model.IntentionLoanLink;
import cn.ipf.sdk.model.Loan;
import cn.ipf.sdk.model.LoanApplication;
import cn.ipf.sdk.model.LoanProduct;
import cn.ipf.sdk.model.LoanRejection;
import cn.ipf.sdk.model.LoanRenewalReport;
import cn.ipf.sdk.model.MatchingEventSummary;
import cn.ipf.sdk.model.NewCompensationClaim;
import cn.ipf.sdk.model.NewCreditLine;
import cn.ipf.sdk.model.NewCreditLineMember;
import cn.ipf.sdk.model.NewDisposalCase;
import cn.ipf.sdk.model.NewDisposalStep;
import cn.ipf.sdk.model.NewDrawdown;
import cn.ipf.sdk.model.NewEventIntention;
import cn.ipf.sdk.model.NewOverallNplRate;
import cn.ipf.sdk.model.NewWebhookEndpoint;
import cn.ipf.sdk.model.OverallNplRate;
import cn.ipf.sdk.model.PledgeCancellationReport;
import cn.ipf.sdk.model.PledgeableAssetKind;
import cn.ipf.sdk.model.PrincipalRepaymentReport;
import cn.ipf.sdk.model.RecoveryReport;
import cn.ipf.sdk.model.RecoverySource;
import cn.ipf.sdk.model.RejectionReason;
import cn.ipf.sdk.model.WebhookDelivery;
import cn.ipf.sdk.model.WebhookEndpointStatus;
import cn.ipf.sdk.model.WhitelistChange;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yaml.snakeyaml.Yaml;

/**
 * 数据隔离 bank B asks, through the SDK, for every object of bank A by its id on every bank endpoint that names one:
 * each answer is 404 and A's objects stay as they were. Lists and searches show B none of A's objects. The matrix
 * must name every operation of the bank contract, so a new endpoint cannot be forgotten.
 */
class BankIsolationMatrixTest extends LibraryTestSupport {

    private static final String DISTRICT = "370211";

    @Autowired
    private WebhookDispatcher dispatcher;

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    @Test
    void anotherBanksObjectsAreNotFoundOnEveryEndpoint() throws Exception {
        String admin = adminToken();
        ApiClient a = sdk(app(admin, bank(admin), null));
        ApiClient b = sdk(app(admin, bank(admin), null));

        // bank A's world: an endpoint with a delivery, a product, a consenting candidate, an application, a loan
        long endpointA = new BankWebhooksApi(a).createWebhookEndpoint(key(),
                new NewWebhookEndpoint().url("https://bank-a.example.cn/hooks")).getEndpoint().getEndpointId();
        LoanProduct productA = new BankProductsApi(a).publishProduct(key(), inventionProduct(unique("A贷")));
        long productB = new BankProductsApi(b).publishProduct(key(), inventionProduct(unique("B贷"))).getProductId();
        long enterprise = admittedStrong(DISTRICT);
        String sme = person(Role.SME, enterprise, null, null).token();
        long bankA = new BankIdentityApi(a).getBankIdentity().getBankId();
        assertThat(http.with(sme).post(LIB + "/" + enterprise + "/consents", Map.of("bankId", bankA)).status())
                .isEqualTo(201);
        long patent = jdbc.queryForObject("SELECT MIN(patent_id) FROM patent_owner WHERE enterprise_id = ?",
                Long.class, enterprise);
        long applicationA = http.with(sme).post(LIB + "/" + enterprise + "/loan-applications", Map.of(
                "productId", productA.getProductId(), "amount", 2_000_000, "termMonths", 12,
                "assets", List.of(Map.of("kind", "PATENT", "id", patent)))).json().get("applicationId").asLong();
        new BankApplicationsApi(a).approveLoanApplication(applicationA, key(), offer());
        assertThat(http.with(sme).post(LIB + "/" + enterprise + "/loan-applications/" + applicationA
                + "/offer-acceptance", null).status()).isEqualTo(200);
        String loanA = unique("LA");
        LocalDate signedOn = today().minusDays(40);
        BankLoansApi loansA = new BankLoansApi(a);
        submittedOn(jdbc, applicationA, signedOn);
        new BankApplicationsApi(a).reportLoanContract(applicationA, key(), contract(loanA, signedOn));
        String registrationA = unique("YA");
        loansA.reportPledgeRegistration(loanA, key(), registration(registrationA, signedOn, patent));
        loansA.reportDisbursement(loanA, key(), new DisbursementReport().disbursedOn(signedOn.plusDays(1))
                .amount(new BigDecimal("1800000")));
        dispatcher.dispatchDue(); // the endpoint's host does not resolve: the deliveries fail and stay in A's log
        List<WebhookDelivery> deliveriesA = new BankWebhookDeliveriesApi(a)
                .listWebhookDeliveries(null, null, null, null, 50).getItems();
        assertThat(deliveriesA).isNotEmpty();
        long deliveryA = deliveriesA.get(0).getDeliveryId();
        Loan loanBefore = loansA.getBankLoan(loanA);

        // A's compensation claim on a defaulted loan of 2025, and A's overall NPL rate
        Http.Response programme = http.with(admin).post("/api/v1/admin/compensation-programmes", Map.of(
                "name", unique("风险补偿"), "regionCode", "370200", "effectiveFrom", "2025-01-01"));
        long programmeId = programme.json().get("programmeId").asLong();
        assertThat(http.with(admin).post("/api/v1/admin/compensation-programmes/" + programmeId + "/agreements",
                Map.of("bankId", bankA, "agreementNo", unique("HZ"), "activeFrom", "2025-01-01",
                        "attributedFundAmount", 1_000_000)).status()).isEqualTo(201);
        DefaultedLoans defaulted = new DefaultedLoans(this, http, jdbc);
        DefaultedLoans.Borrower borrowerA = defaulted.borrower(DISTRICT, true);
        String defaultedA = defaulted.loan(defaulted.lender(a), borrowerA, "1000000", "1",
                DefaultedLoans.Dates.standard());
        NewDisposalCase caseForm = new NewDisposalCase().externalId(unique("DC")).asset(new AssetRef()
                .kind(PledgeableAssetKind.PATENT).id(borrowerA.patentId())).method(DisposalMethod.AUCTION)
                .openedOn(LocalDate.of(2026, 6, 15));
        long caseA = new BankDisposalsApi(a).openDisposalCase(defaultedA, key(), caseForm).getCaseId();
        BankCompensationApi compensationA = new BankCompensationApi(a);
        long claimA = compensationA.fileCompensationClaim(key(), claim(programmeId, defaultedA)).getClaimId();
        compensationA.reportOverallNplRate(key(), new NewOverallNplRate().month("2026-09")
                .rate(new BigDecimal("0.0125")));
        CompensationClaim claimBefore = compensationA.getBankCompensationClaim(claimA);

        // a matching event A is invited to with A's intention, and A's collective credit line
        String office = districtReviewer(DISTRICT).token();
        long eventA = http.with(office).post("/api/v1/matching-events", Map.of("kind", "ROADSHOW", "title",
                unique("路演"), "eventDate", today().toString(), "place", "会议中心", "districtCodes",
                List.of(DISTRICT))).json().get("eventId").asLong();
        String eventPath = "/api/v1/matching-events/" + eventA;
        assertThat(http.with(office).post(eventPath + "/banks", Map.of("bankIds", List.of(bankA))).status())
                .isEqualTo(200);
        assertThat(http.with(office).post(eventPath + "/enterprises", Map.of("enterpriseIds", List.of(enterprise)))
                .status()).isEqualTo(200);
        assertThat(http.with(office).post(eventPath + "/publication", null).status()).isEqualTo(200);
        long intentionA = new BankMatchingEventsApi(a).recordEventIntention(eventA, key(),
                new NewEventIntention().enterpriseId(enterprise)).getIntentionId();
        NewCreditLine lineForm = new NewCreditLine().externalId(unique("CL")).productId(productA.getProductId())
                .totalLimit(new BigDecimal("1000000")).validFrom(today()).validUntil(today().plusDays(30))
                .members(List.of(new NewCreditLineMember().enterpriseId(enterprise)
                        .subLimit(new BigDecimal("1000000"))));
        BankCreditLinesApi linesA = new BankCreditLinesApi(a);
        long lineA = linesA.grantCreditLine(key(), lineForm).getLineId();
        CreditLine lineBefore = linesA.getBankCreditLine(lineA);

        // bank B names A's objects on every endpoint that takes an id: 404, whatever the method
        BankProductsApi products = new BankProductsApi(b);
        BankApplicationsApi applications = new BankApplicationsApi(b);
        BankLoansApi loans = new BankLoansApi(b);
        BankWebhooksApi webhooks = new BankWebhooksApi(b);
        BankWebhookDeliveriesApi deliveries = new BankWebhookDeliveriesApi(b);
        BankCandidatesApi candidates = new BankCandidatesApi(b);
        BankCompensationApi compensation = new BankCompensationApi(b);
        BankMatchingEventsApi events = new BankMatchingEventsApi(b);
        BankCreditLinesApi lines = new BankCreditLinesApi(b);
        BankDisposalsApi disposals = new BankDisposalsApi(b);
        long pA = productA.getProductId();
        LocalDate day = signedOn.plusDays(2);
        Map<String, Call> notFound = new LinkedHashMap<>();
        notFound.put("getProduct", () -> products.getProduct(pA));
        notFound.put("reviseProduct", () -> products.reviseProduct(pA, key(), inventionProduct("B改")));
        notFound.put("withdrawProduct", () -> products.withdrawProduct(pA, key()));
        notFound.put("searchCandidates", () -> candidates.searchCandidates(pA, 0, 20));
        notFound.put("getCandidate", () -> candidates.getCandidate(pA, enterprise));
        notFound.put("getBankLoanApplication", () -> applications.getBankLoanApplication(applicationA));
        notFound.put("requestLoanApplicationInformation", () -> applications.requestLoanApplicationInformation(
                applicationA, key(), new ApplicationMessage().message("?")));
        notFound.put("approveLoanApplication", () -> applications.approveLoanApplication(applicationA, key(),
                offer()));
        notFound.put("rejectLoanApplication", () -> applications.rejectLoanApplication(applicationA, key(),
                new LoanRejection().reasonCode(RejectionReason.CREDIT_RISK)));
        notFound.put("reportLoanContract", () -> applications.reportLoanContract(applicationA, key(),
                contract(unique("LB"), signedOn)));
        notFound.put("getBankLoan", () -> loans.getBankLoan(loanA));
        notFound.put("reportPledgeRegistration", () -> loans.reportPledgeRegistration(loanA, key(),
                registration(unique("YB"), day, patent)));
        notFound.put("cancelPledgeRegistration", () -> loans.cancelPledgeRegistration(loanA, registrationA, key(),
                new PledgeCancellationReport().cancelledOn(day)));
        notFound.put("reportDisbursement", () -> loans.reportDisbursement(loanA, key(),
                new DisbursementReport().disbursedOn(day).amount(BigDecimal.ONE)));
        notFound.put("reportInterestPayment", () -> loans.reportInterestPayment(loanA, key(),
                interest(unique("I"), 1, signedOn.plusDays(1), today())));
        notFound.put("reportPrincipalRepayment", () -> loans.reportPrincipalRepayment(loanA, key(),
                new PrincipalRepaymentReport().externalId(unique("R")).repaidOn(day).amount(BigDecimal.ONE)));
        notFound.put("reportDelinquency", () -> loans.reportDelinquency(loanA, key(), new DelinquencyReport()
                .externalId(unique("O")).state(DelinquencyState.OVERDUE).since(day)));
        notFound.put("reportDefault", () -> loans.reportDefault(loanA, key(), new DefaultReport()
                .externalId(unique("D")).defaultedOn(day).outstandingPrincipal(BigDecimal.ONE)));
        notFound.put("reportRecovery", () -> loans.reportRecovery(loanA, key(), new RecoveryReport()
                .externalId(unique("V")).recoveredOn(day).grossAmount(BigDecimal.ONE)
                .disposalCosts(BigDecimal.ZERO).source(RecoverySource.AUCTION)));
        notFound.put("reportClosure", () -> loans.reportClosure(loanA, key(),
                new ClosureReport().externalId(unique("C")).closedOn(day)));
        notFound.put("setWebhookEndpointStatus", () -> webhooks.setWebhookEndpointStatus(endpointA,
                new WebhookEndpointStatus().enabled(false), key()));
        notFound.put("deleteWebhookEndpoint", () -> webhooks.deleteWebhookEndpoint(endpointA, key()));
        notFound.put("rotateWebhookEndpointSecret", () -> webhooks.rotateWebhookEndpointSecret(endpointA, key()));
        notFound.put("getBankCompensationClaim", () -> compensation.getBankCompensationClaim(claimA));
        notFound.put("fileCompensationClaim", () -> compensation.fileCompensationClaim(key(),
                claim(programmeId, defaultedA)));
        notFound.put("getWebhookDelivery", () -> deliveries.getWebhookDelivery(deliveryA));
        notFound.put("redeliverWebhook", () -> deliveries.redeliverWebhook(deliveryA, key()));
        notFound.put("getBankMatchingEvent", () -> events.getBankMatchingEvent(eventA));
        notFound.put("recordEventIntention", () -> events.recordEventIntention(eventA, key(),
                new NewEventIntention().enterpriseId(enterprise)));
        notFound.put("reportIntentionCredit", () -> events.reportIntentionCredit(intentionA, key(),
                new IntentionCreditReport().amount(BigDecimal.ONE).grantedOn(today())));
        notFound.put("linkIntentionLoan", () -> events.linkIntentionLoan(intentionA, key(),
                new IntentionLoanLink().loanRef(loanA)));
        notFound.put("dropEventIntention", () -> events.dropEventIntention(intentionA, key()));
        notFound.put("getBankCreditLine", () -> lines.getBankCreditLine(lineA));
        notFound.put("reportCreditLineDrawdown", () -> lines.reportCreditLineDrawdown(lineA, key(),
                new NewDrawdown().externalId(unique("DD")).enterpriseId(enterprise).amount(BigDecimal.ONE)
                        .drawnOn(today())));
        notFound.put("closeCreditLine", () -> lines.closeCreditLine(lineA, key()));
        notFound.put("reportLoanRenewal", () -> loans.reportLoanRenewal(loanA, key(), new LoanRenewalReport()
                .externalId(unique("RN")).contractNo(unique("RC")).signedOn(day).principal(BigDecimal.ONE)
                .annualRate(new BigDecimal("0.03")).maturityDate(day.plusYears(1)).ipShare(BigDecimal.ONE)
                .otherFiscalSubsidy(false).changeRegistrationNo(unique("YC"))));
        notFound.put("listLoanDisposalCases", () -> disposals.listLoanDisposalCases(defaultedA));
        notFound.put("openDisposalCase", () -> disposals.openDisposalCase(defaultedA, key(),
                caseForm.externalId(unique("DCB"))));
        notFound.put("getBankDisposalCase", () -> disposals.getBankDisposalCase(caseA));
        notFound.put("reportDisposalStep", () -> disposals.reportDisposalStep(caseA, key(), new NewDisposalStep()
                .externalId(unique("DS")).kind(DisposalStepKind.CLOSURE).takenOn(today())));

        notFound.forEach((operation, call) -> assertThat(status(call)).as(operation).isEqualTo(404));
        assertThat(status(() -> candidates.getCandidate(productB, enterprise)))
                .as("a candidate that consented to A only, seen through B's own product").isEqualTo(404);

        // what B lists or searches holds nothing of A's; what B creates is B's
        Map<String, Call> ownOnly = new LinkedHashMap<>();
        ownOnly.put("listProducts", () -> assertThat(products.listProducts()).extracting(LoanProduct::getProductId)
                .containsExactly(productB));
        ownOnly.put("listBankLoanApplications", () -> assertThat(applications.listBankLoanApplications(null, 0, 200)
                .getItems()).extracting(LoanApplication::getApplicationId).doesNotContain(applicationA));
        ownOnly.put("listBankLoans", () -> assertThat(loans.listBankLoans(null, 0, 200).getItems())
                .extracting(Loan::getExternalId).doesNotContain(loanA));
        ownOnly.put("listWebhookEndpoints", () -> assertThat(webhooks.listWebhookEndpoints()).isEmpty());
        ownOnly.put("listWebhookDeliveries", () -> assertThat(deliveries.listWebhookDeliveries(null, null, null, null,
                200).getItems()).isEmpty());
        ownOnly.put("getBankIdentity", () -> assertThat(new BankIdentityApi(b).getBankIdentity().getBankId())
                .isNotEqualTo(bankA));
        ownOnly.put("publishProduct", () -> assertThat(products.publishProduct(key(), inventionProduct(unique("B2")))
                .getBankId()).isNotEqualTo(bankA));
        ownOnly.put("createWebhookEndpoint", () -> assertThat(webhooks.createWebhookEndpoint(key(),
                new NewWebhookEndpoint().url("https://bank-b.example.cn/hooks")).getEndpoint().getEndpointId())
                .isNotEqualTo(endpointA));
        ownOnly.put("listBankCompensationClaims", () -> assertThat(compensation.listBankCompensationClaims(null, 0,
                200).getItems()).isEmpty());
        ownOnly.put("reportOverallNplRate", () -> assertThat(compensation.reportOverallNplRate(key(),
                new NewOverallNplRate().month("2026-09").rate(new BigDecimal("0.03"))).getRate())
                .isEqualByComparingTo("0.03"));
        ownOnly.put("listOverallNplRates", () -> assertThat(compensation.listOverallNplRates())
                .extracting(OverallNplRate::getRate).singleElement()
                .satisfies(r -> assertThat(r).isEqualByComparingTo("0.03")));
        ownOnly.put("listBankMatchingEvents", () -> assertThat(events.listBankMatchingEvents(0, 200).getItems())
                .extracting(MatchingEventSummary::getEventId).doesNotContain(eventA));
        ownOnly.put("listWhitelistChanges", () -> assertThat(new BankWhitelistApi(b).listWhitelistChanges(null, 500)
                .getItems()).extracting(WhitelistChange::getEnterpriseId).doesNotContain(enterprise));
        ownOnly.put("getOwnBankScorecard", () -> assertThat(new BankApplicationsApi(b)
                .getOwnBankScorecard(YearMonth.from(signedOn).toString())).satisfies(card -> {
                    assertThat(card.getBankId()).isNotEqualTo(bankA);
                    assertThat(card.getReceived()).as("A's application is not on B's scorecard").isZero();
                }));
        ownOnly.put("listBankCreditLines", () -> assertThat(lines.listBankCreditLines(0, 200).getItems()).isEmpty());
        ownOnly.put("grantCreditLine", () -> assertThat(problemCode(() -> lines.grantCreditLine(key(),
                lineForm.externalId(unique("CLB")).productId(productB))))
                .as("an enterprise that shares with A only").isEqualTo("ENTERPRISE_NOT_ELIGIBLE"));
        for (Call check : ownOnly.values()) {
            check.run();
        }
        assertThat(candidates.searchCandidates(productB, 0, 100).getItems())
                .as("B's candidates exclude an enterprise that consented to A only")
                .noneMatch(c -> c.getEnterpriseId() == enterprise);

        Set<String> covered = new HashSet<>(notFound.keySet());
        covered.addAll(ownOnly.keySet());
        assertThat(covered).as("every operation of the bank contract is in the matrix")
                .containsExactlyInAnyOrderElementsOf(bankOperations());

        // and A's objects are as they were
        Loan loanAfter = loansA.getBankLoan(loanA);
        assertThat(loanAfter).usingRecursiveComparison().isEqualTo(loanBefore);
        assertThat(compensationA.getBankCompensationClaim(claimA)).usingRecursiveComparison().isEqualTo(claimBefore);
        assertThat(linesA.getBankCreditLine(lineA)).usingRecursiveComparison().isEqualTo(lineBefore);
        assertThat(new BankMatchingEventsApi(a).getBankMatchingEvent(eventA).getIntentions()).singleElement()
                .satisfies(i -> assertThat(i.getStatus().getValue()).isEqualTo("INTERESTED"));
        assertThat(compensationA.listOverallNplRates()).singleElement()
                .satisfies(r -> assertThat(r.getRate()).isEqualByComparingTo("0.0125"));
        assertThat(new BankApplicationsApi(a).getBankLoanApplication(applicationA).getStatus().getValue())
                .isEqualTo("CONTRACTED");
        assertThat(new BankProductsApi(a).getProduct(pA).getStatus().getValue()).isEqualTo("ACTIVE");
        assertThat(new BankWebhooksApi(a).listWebhookEndpoints()).singleElement()
                .satisfies(e -> assertThat(e.getEnabled()).isTrue());
        assertThat(new BankWebhookDeliveriesApi(a).getWebhookDelivery(deliveryA).getAttemptLog())
                .hasSize(deliveriesA.get(0).getAttempts());
    }

    private static NewCompensationClaim claim(long programmeId, String loanRef) {
        return new NewCompensationClaim().externalId(unique("C")).programmeId(programmeId).loanRef(loanRef)
                .evidence(List.of(new ClaimEvidence().kind(EvidenceKind.COURT_JUDGMENT).reference("（2026）鲁0211民初1号")));
    }

    private static int status(Call call) {
        try {
            call.run();
            return 200;
        } catch (cn.ipf.sdk.client.ApiException e) {
            return e.getCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Every operationId of the bank contract (bank-api.yaml and the files its paths refer to). */
    @SuppressWarnings("unchecked")
    private static Set<String> bankOperations() throws IOException {
        Map<String, Object> root = load("bank-api.yaml");
        Set<String> ids = new HashSet<>();
        for (Object item : ((Map<String, Object>) root.get("paths")).values()) {
            String ref = (String) ((Map<String, Object>) item).get("$ref");
            String[] fileAndKey = ref.split("#/");
            Map<String, Object> pathItem = (Map<String, Object>) load(fileAndKey[0]).get(fileAndKey[1]);
            pathItem.values().forEach(op -> ids.add((String) ((Map<String, Object>) op).get("operationId")));
        }
        return ids;
    }

    private static Map<String, Object> load(String file) throws IOException {
        try (InputStream in = BankIsolationMatrixTest.class.getResourceAsStream(
                "/META-INF/resources/openapi/" + file)) {
            return new Yaml().load(in);
        }
    }
}
