package cn.ipf.app.bank;

import cn.ipf.api.model.BankIdentity;
import cn.ipf.api.server.BankIdentityApi;
import cn.ipf.app.security.Actor;
import cn.ipf.app.security.CurrentActor;
import cn.ipf.app.security.IpfSecurityProperties;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BankIdentityController implements BankIdentityApi {

    private final BankRegistry registry;
    private final IpfSecurityProperties properties;

    BankIdentityController(BankRegistry registry, IpfSecurityProperties properties) {
        this.registry = registry;
        this.properties = properties;
    }

    @Override
    public ResponseEntity<BankIdentity> getBankIdentity() {
        Actor actor = CurrentActor.get();
        Bank bank = registry.bank(actor.bankId()).orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED));
        BankIdentity identity = new BankIdentity().bankId(bank.id()).bankName(bank.name()).bankCode(bank.bankCode());
        if (actor.kind() == Actor.Kind.USER) {
            return ResponseEntity.ok(identity.officerUserId(Long.valueOf(actor.id())));
        }
        BankApp app = registry.app(actor.id()).orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED));
        return ResponseEntity.ok(identity.appId(app.appId())
                .rateLimitPerMinute(app.rateLimitPerMinute() == null ? properties.rateLimitPerMinute()
                        : app.rateLimitPerMinute()));
    }
}
