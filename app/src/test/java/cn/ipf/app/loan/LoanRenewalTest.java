package cn.ipf.app.loan;

import static cn.ipf.app.testinfra.BankForms.key;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.compensation.DefaultedLoans;
import cn.ipf.app.compensation.DefaultedLoans.Borrower;
import cn.ipf.app.compensation.DefaultedLoans.Dates;
import cn.ipf.app.compensation.DefaultedLoans.Lender;
import cn.ipf.app.library.LibraryTestSupport;
import cn.ipf.sdk.model.InterestPaymentReport;
import cn.ipf.sdk.model.Loan;
import cn.ipf.sdk.model.LoanRenewalReport;
import cn.ipf.sdk.model.LoanStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 续贷 through the bank SDK: a renewal replaces a maturing loan with a new one on the same pledge (PM01 change
 * registration), no day accrues on both loans, and the statistics count the financing once.
 */
class LoanRenewalTest extends LibraryTestSupport {

    private static final LocalDate RENEWED_ON = LocalDate.of(2026, 11, 20);

    @Test
    void aRenewalReplacesTheMaturingLoanOnTheSamePledgeAndCountsOnceInTheStatistics() throws Exception {
        String admin = adminToken();
        DefaultedLoans loans = new DefaultedLoans(this, http, jdbc);
        Lender bank = loans.lender(sdk(app(admin, bank(admin), null)));
        Borrower borrower = loans.borrower("370211", true);
        String ref = loans.loan(bank, borrower, "1000000", "1", new Dates(LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 1, 7), LocalDate.of(2026, 1, 10), null, null));
        String pledgeNo = bank.loans().getBankLoan(ref).getPledgeRegistrations().get(0).getRegistrationNo();
        bank.loans().reportInterestPayment(ref, key(), interest(ref + "-I1", 1, LocalDate.of(2026, 1, 10),
                RENEWED_ON));

        LoanRenewalReport form = new LoanRenewalReport().externalId("R-" + key().substring(0, 12))
                .contractNo("青银知质续字第" + key().substring(0, 8) + "号").signedOn(RENEWED_ON)
                .principal(new BigDecimal("900000")).annualRate(new BigDecimal("0.0310"))
                .maturityDate(RENEWED_ON.plusYears(1)).ipShare(BigDecimal.ONE).otherFiscalSubsidy(false)
                .changeRegistrationNo("B" + key().substring(0, 12));

        // refusals, none of which writes anything
        assertThat(problemCode(() -> bank.loans().reportLoanRenewal(ref, key(), copy(form)
                .signedOn(RENEWED_ON.minusDays(1))))).as("interest already accrues to the renewal date")
                .isEqualTo("LOAN_RECORD_INVALID");
        assertThat(problemCode(() -> bank.loans().reportLoanRenewal(ref, key(), copy(form)
                .signedOn(LocalDate.of(2027, 1, 6)).maturityDate(LocalDate.of(2028, 1, 6)))))
                .as("after maturity, in the future").isEqualTo("LOAN_RECORD_INVALID");
        assertThat(problemCode(() -> bank.loans().reportLoanRenewal(ref, key(), copy(form)
                .changeRegistrationNo(pledgeNo)))).isEqualTo("PLEDGE_REGISTRATION_TAKEN");
        assertThat(problemCode(() -> bank.loans().reportLoanRenewal("NO-SUCH-LOAN", key(), form)))
                .isEqualTo("LOAN_NOT_FOUND");
        assertThat(bank.loans().getBankLoan(ref).getStatus()).isEqualTo(LoanStatus.DISBURSED);

        Loan renewed = bank.loans().reportLoanRenewal(ref, key(), form);
        assertThat(renewed.getStatus()).isEqualTo(LoanStatus.DISBURSED);
        assertThat(renewed.getRenewalOf()).isEqualTo(ref);
        assertThat(renewed.getEnterpriseId()).isEqualTo(borrower.enterpriseId());
        assertThat(renewed.getDisbursedOn()).as("the new loan starts on the renewal day").isEqualTo(RENEWED_ON);
        assertThat(renewed.getDisbursedAmount()).isEqualByComparingTo("900000");
        assertThat(renewed.getPledgeRegistrations()).singleElement().satisfies(g -> {
            assertThat(g.getRegistrationNo()).isEqualTo(form.getChangeRegistrationNo());
            assertThat(g.getRegisteredOn()).isEqualTo(RENEWED_ON);
            assertThat(g.getCancelledOn()).isNull();
            assertThat(g.getAssets()).singleElement().satisfies(a -> assertThat(a.getId())
                    .isEqualTo(borrower.patentId()));
        });
        Loan old = bank.loans().getBankLoan(ref);
        assertThat(old.getStatus()).isEqualTo(LoanStatus.CLOSED);
        assertThat(old.getClosedOn()).isEqualTo(RENEWED_ON);
        assertThat(old.getRenewedBy()).isEqualTo(form.getExternalId());
        assertThat(old.getOutstandingPrincipal()).as("repaid by the new loan").isEqualByComparingTo("0");
        assertThat(old.getPledgeRegistrations()).singleElement().satisfies(g -> assertThat(g.getCancelledOn())
                .as("the pledge continues under the change registration").isEqualTo(RENEWED_ON));

        assertThat(bank.loans().reportLoanRenewal(ref, key(), form).getLoanId()).as("the same renewal again")
                .isEqualTo(renewed.getLoanId());
        assertThat(problemCode(() -> bank.loans().reportLoanRenewal(ref, key(), copy(form)
                .principal(new BigDecimal("800000"))))).isEqualTo("EXTERNAL_ID_CONFLICT");
        assertThat(problemCode(() -> bank.loans().reportLoanRenewal(ref, key(), copy(form)
                .externalId("R-" + key().substring(0, 12)).changeRegistrationNo("B" + key().substring(0, 12)))))
                .as("a closed loan is not renewed twice").isEqualTo("ILLEGAL_TRANSITION");

        // no overlap: the old loan accrues nothing from the renewal day; the new one accrues from its own start
        assertThat(problemCode(() -> bank.loans().reportInterestPayment(ref, key(), interest(ref + "-I2", 2,
                RENEWED_ON, RENEWED_ON.plusDays(5))))).isEqualTo("LOAN_RECORD_INVALID");
        bank.loans().reportInterestPayment(form.getExternalId(), key(), interest(form.getExternalId() + "-I1", 1,
                RENEWED_ON, RENEWED_ON.plusDays(10)));

        // counted once: one pledge loan of the original amount, one registration, one patent, one enterprise
        Map<String, BigDecimal> figures = bankFigures("2026", bank.bankId());
        assertThat(figures.get("PLEDGED_LOANS")).isEqualByComparingTo("1");
        assertThat(figures.get("PLEDGE_FINANCING_AMOUNT")).isEqualByComparingTo("1000000");
        assertThat(figures.get("PLEDGE_REGISTRATIONS")).isEqualByComparingTo("1");
        assertThat(figures.get("PLEDGED_PATENTS")).isEqualByComparingTo("1");
        assertThat(figures.get("ENTERPRISES_SERVED")).isEqualByComparingTo("1");
    }

    private static InterestPaymentReport interest(String externalId, int sequenceNo, LocalDate start,
            LocalDate end) {
        return new InterestPaymentReport().externalId(externalId).sequenceNo(sequenceNo).accrualStart(start)
                .accrualEnd(end).principalBalance(new BigDecimal("900000")).interestAmount(new BigDecimal("2000"))
                .dueDate(end).paidDate(end);
    }

    private static LoanRenewalReport copy(LoanRenewalReport f) {
        return new LoanRenewalReport().externalId(f.getExternalId()).contractNo(f.getContractNo())
                .signedOn(f.getSignedOn()).principal(f.getPrincipal()).annualRate(f.getAnnualRate())
                .maturityDate(f.getMaturityDate()).ipShare(f.getIpShare())
                .otherFiscalSubsidy(f.getOtherFiscalSubsidy()).changeRegistrationNo(f.getChangeRegistrationNo());
    }
}
