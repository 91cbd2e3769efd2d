package cn.ipf.app.bank;

import static cn.ipf.app.testinfra.BankForms.contract;
import static cn.ipf.app.testinfra.BankForms.interest;
import static cn.ipf.app.testinfra.BankForms.inventionProduct;
import static cn.ipf.app.testinfra.BankForms.key;
import static cn.ipf.app.testinfra.BankForms.offer;
import static cn.ipf.app.testinfra.BankForms.registration;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.library.LibraryTestSupport;
import cn.ipf.app.testinfra.WebhookReceiver;
import cn.ipf.app.user.Role;
import cn.ipf.app.webhook.WebhookDispatcher;
import cn.ipf.sdk.api.BankApplicationsApi;
import cn.ipf.sdk.api.BankCandidatesApi;
import cn.ipf.sdk.api.BankLoansApi;
import cn.ipf.sdk.api.BankProductsApi;
import cn.ipf.sdk.api.BankWebhookDeliveriesApi;
import cn.ipf.sdk.api.BankWebhooksApi;
import cn.ipf.sdk.client.ApiClient;
import cn.ipf.sdk.model.ApplicationStatus;
import cn.ipf.sdk.model.Candidate;
import cn.ipf.sdk.model.CreatedWebhookEndpoint;
import cn.ipf.sdk.model.DisbursementReport;
import cn.ipf.sdk.model.Loan;
import cn.ipf.sdk.model.LoanApplication;
import cn.ipf.sdk.model.LoanStatus;
import cn.ipf.sdk.model.MatchScorePart;
import cn.ipf.sdk.model.NewWebhookEndpoint;
import cn.ipf.sdk.model.WebhookDelivery;
import cn.ipf.sdk.model.WebhookDeliveryStatus;
import cn.ipf.sdk.webhooks.WebhookVerifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A bank's integration written the way a bank writes it: every call to the platform goes through the generated SDK
 * with the credentials an administrator handed over, and webhooks arrive at the bank's own HTTP server, where the
 * SDK's verifier checks them. The enterprise's side (consent, application, acceptance) is the SME's web front end.
 */
class BankSdkWalkthroughTest extends LibraryTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The platform's dispatcher; in production it runs on a schedule, here it is run when the test needs it. */
    @Autowired
    private WebhookDispatcher dispatcher;

    @Test
    void fromProductToInterestPaymentsWithVerifiedWebhooks() throws Exception {
        String admin = adminToken();
        long bankId = bank(admin);
        ApiClient bank = sdk(app(admin, bankId, null));
        try (WebhookReceiver hooks = new WebhookReceiver()) {
            // 1. the bank registers where it receives events and keeps the secret shown once
            CreatedWebhookEndpoint endpoint = new BankWebhooksApi(bank).createWebhookEndpoint(key(),
                    new NewWebhookEndpoint().url(hooks.url("/ipf/events")).description("信贷系统"));
            WebhookVerifier verifier = new WebhookVerifier(endpoint.getSecret());

            // 2. it publishes a product
            long productId = new BankProductsApi(bank).publishProduct(key(), inventionProduct(unique("知易贷")))
                    .getProductId();

            // an admitted enterprise consents to share with this bank
            long enterpriseId = admittedStrong("370211");
            String sme = person(Role.SME, enterpriseId, null, null).token();
            assertThat(http.with(sme).post(LIB + "/" + enterpriseId + "/consents",
                    Map.of("bankId", bankId)).status()).isEqualTo(201);

            // 3. the bank finds it among the product's candidates, with the score explained, and looks closer
            Candidate found = new BankCandidatesApi(bank).searchCandidates(productId, 0, 100).getItems().stream()
                    .filter(c -> c.getEnterpriseId() == enterpriseId).findFirst().orElseThrow();
            assertThat(found.getMatch().getEligible()).isTrue();
            assertThat(found.getMatch().getScore()).extracting(MatchScorePart::getPoints).containsExactly(50, 27, 0);
            assertThat(new BankCandidatesApi(bank).getCandidate(productId, enterpriseId).getProfile()).isNotNull();

            // the enterprise applies
            long patentId = jdbc.queryForObject("SELECT MIN(patent_id) FROM patent_owner WHERE enterprise_id = ?",
                    Long.class, enterpriseId);
            String applications = LIB + "/" + enterpriseId + "/loan-applications";
            long applicationId = http.with(sme).post(applications, Map.of("productId", productId,
                    "amount", 2_000_000, "termMonths", 12, "assets", List.of(Map.of("kind", "PATENT",
                            "id", patentId)))).json().get("applicationId").asLong();

            // 4. the bank hears of it by a signed webhook, and also sees it when it pulls the list
            dispatcher.dispatchDue();
            JsonNode submitted = verifiedEvent(hooks, verifier, "application.submitted");
            assertThat(submitted.get("data").get("applicationId").asLong()).isEqualTo(applicationId);
            assertThat(submitted.get("data").get("amount").decimalValue()).isEqualByComparingTo("2000000");
            BankApplicationsApi inbox = new BankApplicationsApi(bank);
            assertThat(inbox.listBankLoanApplications(ApplicationStatus.SUBMITTED, 0, 20).getItems())
                    .extracting(LoanApplication::getApplicationId).containsExactly(applicationId);

            // 5. it approves; the enterprise accepts, and the bank is told
            assertThat(inbox.approveLoanApplication(applicationId, key(), offer()).getStatus())
                    .isEqualTo(ApplicationStatus.APPROVED);
            assertThat(http.with(sme).post(applications + "/" + applicationId + "/offer-acceptance", null).status())
                    .isEqualTo(200);
            dispatcher.dispatchDue();
            assertThat(verifiedEvent(hooks, verifier, "application.offer_accepted").get("data")
                    .get("applicationId").asLong()).isEqualTo(applicationId);

            // 6. contract, pledge registration, disbursement and the interest as it is paid
            String loanRef = unique("QDB-IPL");
            LocalDate signedOn = today().minusDays(70);
            submittedOn(jdbc, applicationId, signedOn);
            inbox.reportLoanContract(applicationId, key(), contract(loanRef, signedOn));
            BankLoansApi loans = new BankLoansApi(bank);
            loans.reportPledgeRegistration(loanRef, key(), registration(unique("Y2026370"), signedOn.plusDays(3),
                    patentId));
            LocalDate disbursedOn = signedOn.plusDays(5);
            loans.reportDisbursement(loanRef, key(), new DisbursementReport().disbursedOn(disbursedOn)
                    .amount(new BigDecimal("1800000")));
            loans.reportInterestPayment(loanRef, key(), interest(loanRef + "-01", 1, disbursedOn, today()));
            Loan loan = loans.reportInterestPayment(loanRef, key(),
                    interest(loanRef + "-02", 2, disbursedOn.plusDays(30), today()));
            assertThat(loan.getStatus()).isEqualTo(LoanStatus.DISBURSED);
            assertThat(loan.getPledgeRegistrations()).hasSize(1);
            assertThat(loan.getInterestPayments()).extracting(p -> p.getInterestAmount().toPlainString())
                    .containsExactly("4875.00", "4875.00");

            // 7. the delivery log shows what reached the bank
            assertThat(new BankWebhookDeliveriesApi(bank).listWebhookDeliveries(null, null, null, null, 20).getItems())
                    .extracting(WebhookDelivery::getStatus).containsOnly(WebhookDeliveryStatus.SUCCEEDED)
                    .hasSize(hooks.received().size());
        }
    }

    /** The received event of that type, after its signature checked out. */
    private static JsonNode verifiedEvent(WebhookReceiver hooks, WebhookVerifier verifier, String type)
            throws Exception {
        for (WebhookReceiver.Request request : hooks.received()) {
            verifier.verify(request.headers(), request.body());
            JsonNode event = JSON.readTree(request.body());
            if (event.get("type").asString().equals(type)) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " among " + hooks.paths());
    }
}
