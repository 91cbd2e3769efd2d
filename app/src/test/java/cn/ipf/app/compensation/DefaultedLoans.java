package cn.ipf.app.compensation;

import static cn.ipf.app.testinfra.BankForms.contract;
import static cn.ipf.app.testinfra.BankForms.inventionProduct;
import static cn.ipf.app.testinfra.BankForms.key;
import static cn.ipf.app.testinfra.BankForms.offer;
import static cn.ipf.app.testinfra.BankForms.registration;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.library.LibraryTestSupport;
import cn.ipf.app.library.LibraryTestSupport.Person;
import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.IntegrationTest;
import cn.ipf.app.user.Role;
import cn.ipf.sdk.api.BankApplicationsApi;
import cn.ipf.sdk.api.BankIdentityApi;
import cn.ipf.sdk.api.BankLoansApi;
import cn.ipf.sdk.api.BankProductsApi;
import cn.ipf.sdk.client.ApiClient;
import cn.ipf.sdk.model.DefaultReport;
import cn.ipf.sdk.model.DelinquencyReport;
import cn.ipf.sdk.model.DelinquencyState;
import cn.ipf.sdk.model.DisbursementReport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Defaulted pledged loans ready for a compensation claim, made the way they happen: the SME registers and is admitted
 * through both review levels, applies; the bank offers, the SME accepts; the bank reports contract, pledge
 * registration, disbursement, delinquency and default through its SDK. Loans are dated in 2025 and 2026 while
 * admissions happen today, so a borrower meant to be admitted on its disbursement date gets its admission decisions
 * dated back to {@link #ADMITTED_ON} (the one arrangement made in SQL, as in the subsidy tests).
 */
public final class DefaultedLoans {

    public static final LocalDate ADMITTED_ON = LocalDate.of(2025, 1, 2);

    /** A bank's SDK clients and its invention-patent product. */
    public record Lender(long bankId, BankApplicationsApi applications, BankLoansApi loans, long productId) {
    }

    public record Borrower(long enterpriseId, Person sme, long patentId) {
    }

    /** The loan's reported dates; overdueSince or defaultedOn null: not reported. */
    public record Dates(LocalDate signedOn, LocalDate registeredOn, LocalDate disbursedOn, LocalDate overdueSince,
            LocalDate defaultedOn) {

        /** Signed 2025-09-01, pledged 09-03, disbursed 09-05, overdue since 2026-03-01, defaulted 2026-06-01. */
        public static Dates standard() {
            return new Dates(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 3), LocalDate.of(2025, 9, 5),
                    LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 1));
        }
    }

    private final LibraryTestSupport library;
    private final Http http;
    private final JdbcTemplate jdbc;

    public DefaultedLoans(LibraryTestSupport library, Http http, JdbcTemplate jdbc) {
        this.library = library;
        this.http = http;
        this.jdbc = jdbc;
    }

    public Lender lender(ApiClient client) throws Exception {
        long productId = new BankProductsApi(client).publishProduct(key(), inventionProduct("知易贷-" + key()
                .substring(0, 8))).getProductId();
        return new Lender(new BankIdentityApi(client).getBankIdentity().getBankId(), new BankApplicationsApi(client),
                new BankLoansApi(client), productId);
    }

    /** A small enterprise with one invention, registered by its SME and admitted (dated back if asked). */
    public Borrower borrower(String district, boolean admittedBeforeDisbursement) {
        Person sme = library.person(Role.SME, null, null, null);
        long id = library.register(sme.token(), LibraryTestSupport.strongProfile(LibraryTestSupport.uscc(district),
                district)).get("enterpriseId").asLong();
        long patentId = library.addInvention(sme.token(), id, false).get("patentId").asLong();
        library.admit(id, district);
        if (admittedBeforeDisbursement) {
            jdbc.update("UPDATE admission_decision SET decided_at = ? WHERE enterprise_id = ?",
                    ADMITTED_ON + " 02:00:00.000000", id);
            jdbc.update("UPDATE library_entry SET admitted_on = ? WHERE enterprise_id = ?", ADMITTED_ON, id);
        }
        return new Borrower(id, sme, patentId);
    }

    /**
     * A loan of {@code principal} on the borrower's patent with the IP share given, reported through the bank's SDK up
     * to its default with the whole principal outstanding (as far as the dates go). Answers the bank's loan id.
     */
    public String loan(Lender bank, Borrower b, String principal, String ipShare, Dates d) throws Exception {
        BigDecimal amount = new BigDecimal(principal);
        Http.Response applied = http.with(b.sme().token()).post(LibraryTestSupport.LIB + "/" + b.enterpriseId()
                + "/loan-applications", Map.of("productId", bank.productId(), "amount", amount, "termMonths", 12,
                        "assets", List.of(Map.of("kind", "PATENT", "id", b.patentId()))));
        assertThat(applied.status()).as("application: %s", applied).isEqualTo(201);
        long applicationId = applied.json().get("applicationId").asLong();
        bank.applications().approveLoanApplication(applicationId, key(), offer().amount(amount));
        assertThat(http.with(b.sme().token()).post(LibraryTestSupport.LIB + "/" + b.enterpriseId()
                + "/loan-applications/" + applicationId + "/offer-acceptance", null).status()).isEqualTo(200);
        String ref = "L-" + key().substring(0, 12);
        IntegrationTest.submittedOn(jdbc, applicationId, d.signedOn().isAfter(d.registeredOn()) ? d.registeredOn()
                : d.signedOn());
        bank.applications().reportLoanContract(applicationId, key(), contract(ref, d.signedOn()).principal(amount)
                .ipShare(new BigDecimal(ipShare)));
        bank.loans().reportPledgeRegistration(ref, key(), registration("Y" + key().substring(0, 12),
                d.registeredOn(), b.patentId()).securedAmount(amount));
        bank.loans().reportDisbursement(ref, key(), new DisbursementReport().disbursedOn(d.disbursedOn())
                .amount(amount));
        if (d.overdueSince() != null) {
            bank.loans().reportDelinquency(ref, key(), new DelinquencyReport().externalId(ref + "-O")
                    .state(DelinquencyState.OVERDUE).since(d.overdueSince()));
        }
        if (d.defaultedOn() != null) {
            bank.loans().reportDefault(ref, key(), new DefaultReport().externalId(ref + "-D")
                    .defaultedOn(d.defaultedOn()).outstandingPrincipal(amount));
        }
        return ref;
    }
}
