package cn.ipf.app.subsidy;

import cn.ipf.api.model.ClaimDeclaration;
import cn.ipf.api.model.ClaimKind;
import cn.ipf.api.model.ClaimPayment;
import cn.ipf.api.model.ClaimRejection;
import cn.ipf.api.model.ExportFormat;
import cn.ipf.api.model.NewFeeClaim;
import cn.ipf.api.model.ReceivingAccount;
import cn.ipf.api.model.SubsidyClaim;
import cn.ipf.api.model.SubsidyClaimPage;
import cn.ipf.api.server.SubsidyClaimsApi;
import cn.ipf.app.shared.web.Pages;
import cn.ipf.app.subsidy.policy.ClaimStatus;
import cn.ipf.app.shared.web.Downloads;
import java.nio.file.Path;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SubsidyClaimController implements SubsidyClaimsApi {

    private final SubsidyClaims claims;
    private final FeeSubsidies fees;
    private final PaymentOrders paymentOrders;

    SubsidyClaimController(SubsidyClaims claims, FeeSubsidies fees, PaymentOrders paymentOrders) {
        this.claims = claims;
        this.fees = fees;
        this.paymentOrders = paymentOrders;
    }

    @Override
    public ResponseEntity<SubsidyClaimPage> listSubsidyClaims(Long programmeId, Long runId, Long enterpriseId,
            cn.ipf.api.model.ClaimStatus status, ClaimKind kind, Integer page, Integer size) {
        SubsidyClaims.Listing listing = claims.list(programmeId, runId, enterpriseId, status(status),
                kind == null ? null : kind.getValue(), Pages.request(page, size));
        return ResponseEntity.ok(new SubsidyClaimPage()
                .items(listing.items().stream().map(SubsidyViews::claim).toList())
                .page(listing.page().meta(listing.total())));
    }

    @Override
    public ResponseEntity<SubsidyClaim> getSubsidyClaim(Long claimId) {
        return ResponseEntity.ok(SubsidyViews.detail(claims.detail(claimId)));
    }

    @Override
    public ResponseEntity<SubsidyClaim> declareSubsidyClaim(Long claimId, ClaimDeclaration body,
            String idempotencyKey) {
        return ResponseEntity.ok(SubsidyViews.detail(claims.declare(claimId, new SubsidyClaims.Account(
                body.getAccount().getName(), body.getAccount().getBank(), body.getAccount().getNumber()),
                body.getNoDoubleSubsidy())));
    }

    @Override
    public ResponseEntity<SubsidyClaim> approveSubsidyClaimForDistrict(Long claimId, String idempotencyKey) {
        return ResponseEntity.ok(SubsidyViews.detail(claims.approveForDistrict(claimId)));
    }

    @Override
    public ResponseEntity<SubsidyClaim> approveSubsidyClaimForCity(Long claimId, String idempotencyKey) {
        return ResponseEntity.ok(SubsidyViews.detail(claims.approveForCity(claimId)));
    }

    @Override
    public ResponseEntity<SubsidyClaim> rejectSubsidyClaim(Long claimId, ClaimRejection body, String idempotencyKey) {
        return ResponseEntity.ok(SubsidyViews.detail(claims.reject(claimId, body.getReason())));
    }

    @Override
    public ResponseEntity<SubsidyClaim> recordSubsidyClaimPayment(Long claimId, ClaimPayment body,
            String idempotencyKey) {
        return ResponseEntity.ok(SubsidyViews.detail(claims.recordPayment(claimId, body.getVoucherNo(),
                body.getPaidOn())));
    }

    @Override
    public ResponseEntity<SubsidyClaim> correctSubsidyClaimAccount(Long claimId, ReceivingAccount body,
            String idempotencyKey) {
        return ResponseEntity.ok(SubsidyViews.detail(claims.correctAccount(claimId, new SubsidyClaims.Account(
                body.getName(), body.getBank(), body.getNumber()))));
    }

    @Override
    public ResponseEntity<SubsidyClaim> approveSubsidyClaimAccount(Long claimId, String idempotencyKey) {
        return ResponseEntity.ok(SubsidyViews.detail(claims.approveAccount(claimId)));
    }

    @Override
    public ResponseEntity<SubsidyClaim> createFeeClaim(NewFeeClaim body, String idempotencyKey) {
        SubsidyClaims.ClaimDetail created = fees.claim(FeeSubsidies.FeeClaimForm.of(body));
        return ResponseEntity.created(java.net.URI.create("/api/v1/subsidy/claims/" + created.claim().id()))
                .body(SubsidyViews.detail(created));
    }

    @Override
    public ResponseEntity<Resource> exportPaymentOrders(Long programmeId, ExportFormat format,
            cn.ipf.api.model.ClaimStatus status) {
        boolean excel = format == ExportFormat.XLSX;
        Path file = paymentOrders.export(programmeId, status == null ? PaymentOrders.WITH_ORDER
                : List.of(status(status)), excel);
        return Downloads.temporaryFile(file, "payment-orders-" + programmeId, excel);
    }

    private static ClaimStatus status(cn.ipf.api.model.ClaimStatus status) {
        return status == null ? null : ClaimStatus.valueOf(status.getValue());
    }
}
