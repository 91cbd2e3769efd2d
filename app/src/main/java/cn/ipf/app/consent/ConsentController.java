package cn.ipf.app.consent;

import static cn.ipf.app.shared.web.ApiTime.utc;

import cn.ipf.api.model.BankView;
import cn.ipf.api.model.BankViewKind;
import cn.ipf.api.model.BankViewPage;
import cn.ipf.api.model.Consent;
import cn.ipf.api.model.ConsentForm;
import cn.ipf.api.server.ConsentApi;
import cn.ipf.app.consent.policy.DataScope;
import cn.ipf.app.shared.web.Pages;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ConsentController implements ConsentApi {

    private final ConsentService consents;
    private final BankViewLog views;

    ConsentController(ConsentService consents, BankViewLog views) {
        this.consents = consents;
        this.views = views;
    }

    @Override
    public ResponseEntity<List<Consent>> listConsents(Long enterpriseId) {
        return ResponseEntity.ok(consents.of(enterpriseId).stream().map(ConsentController::toApi).toList());
    }

    @Override
    public ResponseEntity<Consent> grantConsent(Long enterpriseId, ConsentForm form, String idempotencyKey) {
        ConsentMapper.ConsentRow granted = consents.grant(enterpriseId, form.getBankId(),
                form.getScopes() == null ? null : form.getScopes().stream()
                        .map(s -> DataScope.valueOf(s.getValue())).toList());
        return ResponseEntity.created(URI.create("/api/v1/library/enterprises/" + enterpriseId + "/consents/"
                + granted.id())).body(toApi(granted));
    }

    @Override
    public ResponseEntity<Consent> revokeConsent(Long enterpriseId, Long consentId, String idempotencyKey) {
        return ResponseEntity.ok(toApi(consents.revoke(enterpriseId, consentId)));
    }

    @Override
    public ResponseEntity<BankViewPage> listBankViews(Long enterpriseId, Integer page, Integer size) {
        Pages.Request request = Pages.request(page, size);
        BankViewLog.Page log = views.of(enterpriseId, request);
        return ResponseEntity.ok(new BankViewPage()
                .items(log.rows().stream().map(v -> new BankView()
                        .bankId(v.bankId())
                        .bankName(v.bankName())
                        .productId(v.productId())
                        .productName(v.productName())
                        .kind(BankViewKind.fromValue(v.kind()))
                        .viewedAt(utc(v.viewedAt()))).toList())
                .page(request.meta(log.total())));
    }

    private static Consent toApi(ConsentMapper.ConsentRow c) {
        boolean all = c.bankScope() == ConsentService.ALL_BANKS;
        return new Consent()
                .consentId(c.id())
                .bankId(all ? null : c.bankScope())
                .allBanks(all)
                .scopes(DataScope.parse(c.dataScopes()).stream()
                        .map(s -> cn.ipf.api.model.DataScope.fromValue(s.name())).toList())
                .active(c.active())
                .grantedAt(utc(c.grantedAt()))
                .revokedAt(utc(c.revokedAt()));
    }
}
