package cn.ipf.app.consent;

import cn.ipf.api.model.Consent;
import cn.ipf.api.model.ConsentForm;
import cn.ipf.api.server.ConsentApi;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ConsentController implements ConsentApi {

    private final ConsentService consents;

    ConsentController(ConsentService consents) {
        this.consents = consents;
    }

    @Override
    public ResponseEntity<List<Consent>> listConsents(Long enterpriseId) {
        return ResponseEntity.ok(consents.of(enterpriseId).stream().map(ConsentController::toApi).toList());
    }

    @Override
    public ResponseEntity<Consent> grantConsent(Long enterpriseId, ConsentForm form, String idempotencyKey) {
        ConsentMapper.ConsentRow granted = consents.grant(enterpriseId, form.getBankId());
        return ResponseEntity.created(URI.create("/api/v1/library/enterprises/" + enterpriseId + "/consents/"
                + granted.id())).body(toApi(granted));
    }

    @Override
    public ResponseEntity<Consent> revokeConsent(Long enterpriseId, Long consentId, String idempotencyKey) {
        return ResponseEntity.ok(toApi(consents.revoke(enterpriseId, consentId)));
    }

    private static Consent toApi(ConsentMapper.ConsentRow c) {
        boolean all = c.bankScope() == ConsentService.ALL_BANKS;
        return new Consent()
                .consentId(c.id())
                .bankId(all ? null : c.bankScope())
                .allBanks(all)
                .active(c.active())
                .grantedAt(c.grantedAt().atOffset(ZoneOffset.UTC))
                .revokedAt(c.revokedAt() == null ? null : c.revokedAt().atOffset(ZoneOffset.UTC));
    }
}
