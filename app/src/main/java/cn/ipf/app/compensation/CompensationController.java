package cn.ipf.app.compensation;

import cn.ipf.api.model.CompensationClaim;
import cn.ipf.api.model.CompensationClaimPage;
import cn.ipf.api.model.CompensationClaimRejection;
import cn.ipf.api.model.CompensationClaimStatus;
import cn.ipf.api.model.CompensationProgramme;
import cn.ipf.api.model.ExportFormat;
import cn.ipf.api.model.SupervisionSignal;
import cn.ipf.api.model.TrialBalance;
import cn.ipf.api.server.CompensationApi;
import cn.ipf.app.compensation.policy.ClaimStatus;
import cn.ipf.app.shared.web.Pages;
import cn.ipf.app.shared.web.Downloads;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CompensationController implements CompensationApi {

    private final CompensationProgrammes programmes;
    private final CompensationClaims claims;
    private final Ledger ledger;
    private final CompensationExports exports;
    private final Supervision supervision;

    CompensationController(CompensationProgrammes programmes, CompensationClaims claims, Ledger ledger,
            CompensationExports exports, Supervision supervision) {
        this.programmes = programmes;
        this.claims = claims;
        this.ledger = ledger;
        this.exports = exports;
        this.supervision = supervision;
    }

    @Override
    public ResponseEntity<List<CompensationProgramme>> listCompensationProgrammes() {
        return ResponseEntity.ok(programmes.all().stream().map(CompensationViews::programme).toList());
    }

    @Override
    public ResponseEntity<CompensationProgramme> getCompensationProgramme(Long programmeId) {
        return ResponseEntity.ok(CompensationViews.programme(programmes.get(programmeId)));
    }

    @Override
    public ResponseEntity<TrialBalance> getTrialBalance(Long programmeId) {
        programmes.row(programmeId);
        return ResponseEntity.ok(CompensationViews.trialBalance(ledger.trialBalance(programmeId)));
    }

    @Override
    public ResponseEntity<List<SupervisionSignal>> getSupervisionSignals(Long programmeId, String month) {
        return ResponseEntity.ok(supervision.signals(programmeId, month).stream().map(CompensationViews::signal)
                .toList());
    }

    @Override
    public ResponseEntity<Resource> exportLedger(Long programmeId, ExportFormat format) {
        boolean excel = format == ExportFormat.XLSX;
        return Downloads.temporaryFile(exports.ledger(programmeId, excel), "ledger-" + programmeId, excel);
    }

    @Override
    public ResponseEntity<Resource> exportCompensationPaymentOrders(Long programmeId, ExportFormat format) {
        boolean excel = format == ExportFormat.XLSX;
        return Downloads.temporaryFile(exports.paymentOrders(programmeId, excel), "compensation-payment-orders-"
                + programmeId, excel);
    }

    @Override
    public ResponseEntity<CompensationClaimPage> listCompensationClaims(Long programmeId, Long bankId,
            CompensationClaimStatus status, Integer page, Integer size) {
        return ResponseEntity.ok(CompensationViews.page(claims.list(programmeId, bankId, status == null ? null
                : ClaimStatus.valueOf(status.getValue()), Pages.request(page, size))));
    }

    @Override
    public ResponseEntity<CompensationClaim> getCompensationClaim(Long claimId) {
        return ResponseEntity.ok(CompensationViews.claim(claims.get(claimId)));
    }

    @Override
    public ResponseEntity<CompensationClaim> approveCompensationClaimForDistrict(Long claimId,
            String idempotencyKey) {
        return ResponseEntity.ok(CompensationViews.claim(claims.approveForDistrict(claimId)));
    }

    @Override
    public ResponseEntity<CompensationClaim> approveCompensationClaimForCity(Long claimId, String idempotencyKey) {
        return ResponseEntity.ok(CompensationViews.claim(claims.approveForCity(claimId)));
    }

    @Override
    public ResponseEntity<CompensationClaim> rejectCompensationClaim(Long claimId,
            CompensationClaimRejection rejection, String idempotencyKey) {
        return ResponseEntity.ok(CompensationViews.claim(claims.reject(claimId, rejection.getReason())));
    }

    /** The temporary file goes when the response has been sent. */}
