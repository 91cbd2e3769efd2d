package cn.ipf.app.loan;

import cn.ipf.api.model.ClosureReport;
import cn.ipf.api.model.DefaultReport;
import cn.ipf.api.model.DelinquencyReport;
import cn.ipf.api.model.DisbursementReport;
import cn.ipf.api.model.InterestPaymentReport;
import cn.ipf.api.model.Loan;
import cn.ipf.api.model.LoanPage;
import cn.ipf.api.model.LoanRenewalReport;
import cn.ipf.api.model.LoanStatus;
import cn.ipf.api.model.PledgeCancellationReport;
import cn.ipf.api.model.PledgeRegistrationReport;
import cn.ipf.api.model.PrincipalRepaymentReport;
import cn.ipf.api.model.RecoveryReport;
import cn.ipf.api.server.BankLoansApi;
import cn.ipf.app.security.CurrentActor;
import cn.ipf.app.shared.web.Pages;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BankLoanController implements BankLoansApi {

    private final LoanBook book;

    BankLoanController(LoanBook book) {
        this.book = book;
    }

    /** 201 with the loan when a record was added, 200 when the same record had been reported before. */
    static ResponseEntity<Loan> answer(LoanBook.Reported reported, LoanBook book) {
        Loan body = LoanViews.loan(book.detail(reported.loan()));
        if (!reported.created()) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(BankLoansApi.PATH_GET_BANK_LOAN.replace("{loanRef}", reported.loan().externalId())))
                .body(body);
    }

    @Override
    public ResponseEntity<LoanPage> listBankLoans(LoanStatus status, Integer page, Integer size) {
        Pages.Request request = Pages.request(page, size);
        LoanBook.Page found = book.ofBank(bank(), status == null ? null
                : cn.ipf.app.loan.policy.LoanStatus.valueOf(status.getValue()), request);
        return ResponseEntity.ok(new LoanPage().items(found.items().stream().map(LoanViews::summary).toList())
                .page(request.meta(found.total())));
    }

    @Override
    public ResponseEntity<Loan> getBankLoan(String loanRef) {
        return ResponseEntity.ok(LoanViews.loan(book.detail(bank(), loanRef)));
    }

    @Override
    public ResponseEntity<Loan> reportPledgeRegistration(String loanRef, String idempotencyKey,
            PledgeRegistrationReport r) {
        return answer(book.registerPledge(bank(), loanRef, r.getRegistrationNo(), r.getRegisteredOn(),
                r.getSecuredAmount(), LoanViews.refs(r.getAssets())), book);
    }

    @Override
    public ResponseEntity<Loan> cancelPledgeRegistration(String loanRef, String registrationNo,
            String idempotencyKey, PledgeCancellationReport r) {
        return ResponseEntity.ok(LoanViews.loan(book.detail(
                book.cancelPledge(bank(), loanRef, registrationNo, r.getCancelledOn()))));
    }

    @Override
    public ResponseEntity<Loan> reportDisbursement(String loanRef, String idempotencyKey, DisbursementReport r) {
        return ResponseEntity.ok(LoanViews.loan(book.detail(
                book.disburse(bank(), loanRef, r.getDisbursedOn(), r.getAmount()))));
    }

    @Override
    public ResponseEntity<Loan> reportInterestPayment(String loanRef, String idempotencyKey,
            InterestPaymentReport r) {
        return answer(book.reportInterest(bank(), loanRef, new LoanMapper.InterestRow(0, r.getExternalId(),
                r.getSequenceNo(), r.getAccrualStart(), r.getAccrualEnd(), r.getPrincipalBalance(),
                r.getInterestAmount(), r.getDueDate(), r.getPaidDate())), book);
    }

    @Override
    public ResponseEntity<Loan> reportPrincipalRepayment(String loanRef, String idempotencyKey,
            PrincipalRepaymentReport r) {
        return answer(book.reportRepayment(bank(), loanRef, r.getExternalId(), r.getRepaidOn(), r.getAmount()), book);
    }

    @Override
    public ResponseEntity<Loan> reportDelinquency(String loanRef, String idempotencyKey, DelinquencyReport r) {
        return answer(book.reportDelinquency(bank(), loanRef, r.getExternalId(), r.getState().getValue(),
                r.getSince()), book);
    }

    @Override
    public ResponseEntity<Loan> reportDefault(String loanRef, String idempotencyKey, DefaultReport r) {
        return answer(book.reportDefault(bank(), loanRef, r.getExternalId(), r.getDefaultedOn(),
                r.getOutstandingPrincipal()), book);
    }

    @Override
    public ResponseEntity<Loan> reportRecovery(String loanRef, String idempotencyKey, RecoveryReport r) {
        return answer(book.reportRecovery(bank(), loanRef, new LoanMapper.RecoveryRow(0, r.getExternalId(),
                r.getRecoveredOn(), r.getGrossAmount(), r.getDisposalCosts(), r.getSource().getValue())), book);
    }

    @Override
    public ResponseEntity<Loan> reportClosure(String loanRef, String idempotencyKey, ClosureReport r) {
        return answer(book.reportClosure(bank(), loanRef, r.getExternalId(), r.getClosedOn()), book);
    }

    @Override
    public ResponseEntity<Loan> reportLoanRenewal(String loanRef, String idempotencyKey, LoanRenewalReport r) {
        return answer(book.renew(bank(), loanRef, new LoanMapper.Renewal(r.getExternalId(), r.getContractNo(),
                r.getSignedOn(), r.getPrincipal(), r.getAnnualRate(), r.getMaturityDate(), r.getIpShare(),
                r.getOtherFiscalSubsidy()), r.getChangeRegistrationNo()), book);
    }

    private static long bank() {
        return CurrentActor.get().bankId();
    }
}
