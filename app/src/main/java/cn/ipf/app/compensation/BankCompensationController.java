package cn.ipf.app.compensation;

import cn.ipf.api.model.CompensationClaim;
import cn.ipf.api.model.CompensationClaimPage;
import cn.ipf.api.model.CompensationClaimStatus;
import cn.ipf.api.model.NewCompensationClaim;
import cn.ipf.api.model.NewOverallNplRate;
import cn.ipf.api.model.OverallNplRate;
import cn.ipf.api.server.BankCompensationApi;
import cn.ipf.app.compensation.policy.ClaimStatus;
import cn.ipf.app.security.CurrentActor;
import cn.ipf.app.shared.web.Pages;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BankCompensationController implements BankCompensationApi {

    private final CompensationClaims claims;
    private final Supervision supervision;

    BankCompensationController(CompensationClaims claims, Supervision supervision) {
        this.claims = claims;
        this.supervision = supervision;
    }

    @Override
    public ResponseEntity<CompensationClaim> fileCompensationClaim(String idempotencyKey, NewCompensationClaim c) {
        CompensationClaims.Filed filed = claims.file(bank(), c.getExternalId(), c.getProgrammeId(), c.getLoanRef(),
                CompensationViews.evidence(c.getEvidence()));
        CompensationClaim body = CompensationViews.claim(filed.claim());
        if (!filed.created()) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.created(URI.create(PATH_GET_BANK_COMPENSATION_CLAIM.replace("{claimId}",
                String.valueOf(body.getClaimId())))).body(body);
    }

    @Override
    public ResponseEntity<CompensationClaimPage> listBankCompensationClaims(CompensationClaimStatus status,
            Integer page, Integer size) {
        return ResponseEntity.ok(CompensationViews.page(claims.ofBank(bank(), status == null ? null
                : ClaimStatus.valueOf(status.getValue()), Pages.request(page, size))));
    }

    @Override
    public ResponseEntity<CompensationClaim> getBankCompensationClaim(Long claimId) {
        return ResponseEntity.ok(CompensationViews.claim(claims.ofBank(bank(), claimId)));
    }

    @Override
    public ResponseEntity<List<OverallNplRate>> listOverallNplRates() {
        return ResponseEntity.ok(supervision.rates(bank()).stream().map(CompensationViews::nplRate).toList());
    }

    @Override
    public ResponseEntity<OverallNplRate> reportOverallNplRate(String idempotencyKey, NewOverallNplRate r) {
        Supervision.Reported reported = supervision.report(bank(), r.getMonth(), r.getRate());
        return ResponseEntity.status(reported.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(CompensationViews.nplRate(reported.rate()));
    }

    private static long bank() {
        return CurrentActor.get().bankId();
    }
}
