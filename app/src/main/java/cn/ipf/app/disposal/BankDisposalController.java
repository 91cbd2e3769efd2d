package cn.ipf.app.disposal;

import cn.ipf.api.model.DisposalCase;
import cn.ipf.api.model.DisposalCaseList;
import cn.ipf.api.model.NewDisposalCase;
import cn.ipf.api.model.NewDisposalStep;
import cn.ipf.api.server.BankDisposalsApi;
import cn.ipf.app.disposal.policy.DisposalRules.StepKind;
import cn.ipf.app.security.CurrentActor;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BankDisposalController implements BankDisposalsApi {

    private final DisposalCases cases;

    BankDisposalController(DisposalCases cases) {
        this.cases = cases;
    }

    @Override
    public ResponseEntity<DisposalCaseList> listLoanDisposalCases(String loanRef) {
        return ResponseEntity.ok(new DisposalCaseList().items(cases.ofLoan(bank(), loanRef).stream()
                .map(DisposalViews::disposalCase).toList()));
    }

    @Override
    public ResponseEntity<DisposalCase> openDisposalCase(String loanRef, String idempotencyKey, NewDisposalCase n) {
        DisposalCases.Reported opened = cases.open(bank(), loanRef, new DisposalCases.NewCase(n.getExternalId(),
                n.getAsset().getKind().getValue(), n.getAsset().getId(), n.getMethod().getValue(), n.getOpenedOn()));
        DisposalCase body = DisposalViews.disposalCase(opened.disposal());
        if (!opened.created()) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.created(URI.create(PATH_GET_BANK_DISPOSAL_CASE.replace("{caseId}",
                String.valueOf(body.getCaseId())))).body(body);
    }

    @Override
    public ResponseEntity<DisposalCase> getBankDisposalCase(Long caseId) {
        return ResponseEntity.ok(DisposalViews.disposalCase(cases.ofBank(bank(), caseId)));
    }

    @Override
    public ResponseEntity<DisposalCase> reportDisposalStep(Long caseId, String idempotencyKey, NewDisposalStep n) {
        DisposalCases.Reported reported = cases.step(bank(), caseId, new DisposalCases.NewStep(n.getExternalId(),
                StepKind.valueOf(n.getKind().getValue()), n.getTakenOn(), n.getNote(), n.getGrossAmount(),
                n.getDisposalCosts()));
        return ResponseEntity.status(reported.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(DisposalViews.disposalCase(reported.disposal()));
    }

    private static long bank() {
        return CurrentActor.get().bankId();
    }
}
