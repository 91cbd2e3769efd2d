package cn.ipf.app.loan;

import cn.ipf.api.model.ApplicationMessage;
import cn.ipf.api.model.BankScorecard;
import cn.ipf.api.model.ApplicationStatus;
import cn.ipf.api.model.Loan;
import cn.ipf.api.model.LoanApplication;
import cn.ipf.api.model.LoanApplicationPage;
import cn.ipf.api.model.LoanContractReport;
import cn.ipf.api.model.LoanOffer;
import cn.ipf.api.model.LoanRejection;
import cn.ipf.api.server.BankApplicationsApi;
import cn.ipf.app.security.CurrentActor;
import cn.ipf.app.shared.web.Pages;
import java.time.YearMonth;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BankApplicationController implements BankApplicationsApi {

    private final LoanApplications applications;
    private final LoanBook book;
    private final BankScorecards scorecards;

    BankApplicationController(LoanApplications applications, LoanBook book, BankScorecards scorecards) {
        this.applications = applications;
        this.book = book;
        this.scorecards = scorecards;
    }

    @Override
    public ResponseEntity<BankScorecard> getOwnBankScorecard(String month) {
        return ResponseEntity.ok(ScorecardViews.view(scorecards.own(bank(), YearMonth.parse(month))));
    }

    @Override
    public ResponseEntity<LoanApplicationPage> listBankLoanApplications(ApplicationStatus status, Integer page,
            Integer size) {
        Pages.Request request = Pages.request(page, size);
        LoanApplications.Page found = applications.ofBank(bank(), status == null ? null
                : cn.ipf.app.loan.policy.ApplicationStatus.valueOf(status.getValue()), request);
        return ResponseEntity.ok(new LoanApplicationPage()
                .items(found.items().stream().map(LoanViews::summary).toList())
                .page(request.meta(found.total())));
    }

    @Override
    public ResponseEntity<LoanApplication> getBankLoanApplication(Long applicationId) {
        return ResponseEntity.ok(LoanViews.application(applications.ofBank(bank(), applicationId)));
    }

    @Override
    public ResponseEntity<LoanApplication> requestLoanApplicationInformation(Long applicationId,
            String idempotencyKey, ApplicationMessage body) {
        return ResponseEntity.ok(LoanViews.application(
                applications.requestInformation(bank(), applicationId, body.getMessage())));
    }

    @Override
    public ResponseEntity<LoanApplication> approveLoanApplication(Long applicationId, String idempotencyKey,
            LoanOffer offer) {
        return ResponseEntity.ok(LoanViews.application(applications.approve(bank(), applicationId,
                new LoanApplications.Offer(offer.getAmount(), offer.getAnnualRate(), offer.getTermMonths()))));
    }

    @Override
    public ResponseEntity<LoanApplication> rejectLoanApplication(Long applicationId, String idempotencyKey,
            LoanRejection rejection) {
        return ResponseEntity.ok(LoanViews.application(applications.reject(bank(), applicationId,
                rejection.getReasonCode().getValue(), rejection.getNote())));
    }

    @Override
    public ResponseEntity<Loan> reportLoanContract(Long applicationId, String idempotencyKey,
            LoanContractReport c) {
        LoanBook.Reported reported = applications.reportContract(bank(), applicationId,
                new LoanApplications.ContractTerms(c.getExternalId(), c.getContractNo(), c.getSignedOn(),
                        c.getPrincipal(), c.getAnnualRate(), c.getMaturityDate(), c.getIpShare(),
                        c.getOtherFiscalSubsidy()));
        return BankLoanController.answer(reported, book);
    }

    private static long bank() {
        return CurrentActor.get().bankId();
    }
}
