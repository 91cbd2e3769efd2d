package cn.ipf.app.loan;

import cn.ipf.api.model.ApplicationEscalation;
import cn.ipf.api.model.ApplicationMessage;
import cn.ipf.api.model.EnterpriseLoan;
import cn.ipf.api.model.Loan;
import cn.ipf.api.model.LoanApplication;
import cn.ipf.api.model.LoanApplicationForm;
import cn.ipf.api.model.LoanSubsidyLine;
import cn.ipf.api.server.LoanApplicationsApi;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SmeApplicationController implements LoanApplicationsApi {

    private final LoanApplications applications;
    private final EnterpriseLoans loans;
    private final ResponseDeadlines deadlines;

    SmeApplicationController(LoanApplications applications, EnterpriseLoans loans, ResponseDeadlines deadlines) {
        this.deadlines = deadlines;
        this.applications = applications;
        this.loans = loans;
    }

    @Override
    public ResponseEntity<List<Loan>> listEnterpriseLoans(Long enterpriseId) {
        return ResponseEntity.ok(loans.of(enterpriseId).stream().map(LoanViews::summary).toList());
    }

    @Override
    public ResponseEntity<EnterpriseLoan> getEnterpriseLoan(Long enterpriseId, Long loanId) {
        EnterpriseLoans.View view = loans.one(enterpriseId, loanId);
        return ResponseEntity.ok(new EnterpriseLoan().loan(LoanViews.loan(view.detail()))
                .subsidyLines(view.subsidyLines().stream().map(l -> new LoanSubsidyLine().claimId(l.claimId())
                        .claimStatus(l.claimStatus()).lineNo(l.lineNo()).paymentExternalId(l.paymentExternalId())
                        .sequenceNo(l.sequenceNo()).interestAmount(l.interestAmount()).reason(l.reason())
                        .amount(l.amount()).paidOn(l.paidOn()).voucherNo(l.voucherNo())
                        .paymentFailureReason(l.paymentFailureReason())).toList()));
    }

    @Override
    public ResponseEntity<List<LoanApplication>> listLoanApplications(Long enterpriseId) {
        return ResponseEntity.ok(applications.ofEnterprise(enterpriseId).stream().map(LoanViews::summary).toList());
    }

    @Override
    public ResponseEntity<LoanApplication> applyForLoan(Long enterpriseId, LoanApplicationForm form,
            String idempotencyKey) {
        LoanApplications.Detail d = applications.apply(enterpriseId, new LoanApplications.Form(form.getProductId(),
                form.getAmount(), form.getTermMonths(), form.getPurpose(), LoanViews.refs(form.getAssets())));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(LoanApplicationsApi.PATH_GET_LOAN_APPLICATION
                        .replace("{enterpriseId}", enterpriseId.toString())
                        .replace("{applicationId}", Long.toString(d.application().id()))))
                .body(LoanViews.application(d));
    }

    @Override
    public ResponseEntity<LoanApplication> getLoanApplication(Long enterpriseId, Long applicationId) {
        return ResponseEntity.ok(LoanViews.application(applications.ofEnterprise(enterpriseId, applicationId)));
    }

    @Override
    public ResponseEntity<LoanApplication> withdrawLoanApplication(Long enterpriseId, Long applicationId,
            String idempotencyKey) {
        return ResponseEntity.ok(LoanViews.application(applications.withdraw(enterpriseId, applicationId)));
    }

    @Override
    public ResponseEntity<LoanApplication> provideLoanApplicationInformation(Long enterpriseId, Long applicationId,
            ApplicationMessage body, String idempotencyKey) {
        return ResponseEntity.ok(LoanViews.application(
                applications.provideInformation(enterpriseId, applicationId, body.getMessage())));
    }

    @Override
    public ResponseEntity<LoanApplication> acceptLoanOffer(Long enterpriseId, Long applicationId,
            String idempotencyKey) {
        return ResponseEntity.ok(LoanViews.application(applications.acceptOffer(enterpriseId, applicationId)));
    }

    @Override
    public ResponseEntity<LoanApplication> declineLoanOffer(Long enterpriseId, Long applicationId,
            String idempotencyKey, ApplicationMessage body) {
        return ResponseEntity.ok(LoanViews.application(applications.declineOffer(enterpriseId, applicationId,
                body == null ? null : body.getMessage())));
    }

    @Override
    public ResponseEntity<List<ApplicationEscalation>> listLoanApplicationEscalations(Boolean open) {
        return ResponseEntity.ok(deadlines.escalations(Boolean.TRUE.equals(open)).stream()
                .map(ScorecardViews::escalation).toList());
    }
}
