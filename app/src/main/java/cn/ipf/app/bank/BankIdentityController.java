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
        BankApp app = registry.app(actor.id()).orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED));
        Bank bank = registry.bank(app.bankId()).orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED));
        return ResponseEntity.ok(new BankIdentity()
                .appId(app.appId())
                .bankId(bank.id())
                .bankName(bank.name())
                .bankCode(bank.bankCode())
                .rateLimitPerMinute(app.rateLimitPerMinute() == null ? properties.rateLimitPerMinute()
                        : app.rateLimitPerMinute()));
    }
}
