package cn.ipf.app.bank;

import static cn.ipf.app.shared.web.ApiTime.utc;

import cn.ipf.api.model.BankAppSecretInfo;
import cn.ipf.api.model.BankAppStatus;
import cn.ipf.api.model.IssuedBankAppSecret;
import cn.ipf.api.model.NewBank;
import cn.ipf.api.model.NewBankApp;
import cn.ipf.api.model.ReceivingAccount;
import cn.ipf.api.server.AdminBanksApi;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import java.net.URI;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AdminBankController implements AdminBanksApi {

    private final BankRegistry registry;

    AdminBankController(BankRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ResponseEntity<cn.ipf.api.model.Bank> createBank(NewBank body, String idempotencyKey) {
        Bank bank = registry.createBank(body.getName(), body.getBankCode());
        return ResponseEntity.created(URI.create("/api/v1/admin/banks/" + bank.id())).body(toApi(bank));
    }

    @Override
    public ResponseEntity<List<cn.ipf.api.model.Bank>> listBanks() {
        return ResponseEntity.ok(registry.banks().stream().map(this::toApi).toList());
    }

    @Override
    public ResponseEntity<IssuedBankAppSecret> createBankApp(Long bankId, NewBankApp body, String idempotencyKey) {
        return issued(registry.createApp(bankId, body.getName(), body.getRateLimitPerMinute()));
    }

    @Override
    public ResponseEntity<cn.ipf.api.model.BankApp> getBankApp(String appId) {
        return ResponseEntity.ok(toApi(registry.app(appId)
                .orElseThrow(() -> new ApiException(ErrorCode.APP_NOT_FOUND, appId))));
    }

    @Override
    public ResponseEntity<IssuedBankAppSecret> addBankAppSecret(String appId, String idempotencyKey) {
        return issued(registry.addSecret(appId));
    }

    @Override
    public ResponseEntity<Void> revokeBankAppSecret(String appId, Long secretId, String idempotencyKey) {
        registry.revokeSecret(appId, secretId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<cn.ipf.api.model.BankApp> setBankAppStatus(String appId, BankAppStatus body) {
        return ResponseEntity.ok(toApi(registry.setEnabled(appId, body.getEnabled())));
    }

    private static ResponseEntity<IssuedBankAppSecret> issued(BankRegistry.IssuedSecret issued) {
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .location(URI.create("/api/v1/admin/bank-apps/" + issued.appId()))
                .body(new IssuedBankAppSecret().appId(issued.appId()).secretId(issued.secretId())
                        .secret(issued.secret()));
    }

    private cn.ipf.api.model.BankApp toApi(BankApp app) {
        return new cn.ipf.api.model.BankApp()
                .appId(app.appId())
                .bankId(app.bankId())
                .name(app.name())
                .enabled(app.enabled())
                .rateLimitPerMinute(app.rateLimitPerMinute())
                .secrets(registry.secrets(app.appId()).stream().map(s -> new BankAppSecretInfo()
                        .secretId(s.id())
                        .createdAt(utc(s.createdAt()))
                        .revokedAt(utc(s.revokedAt()))
                        .active(s.active())).toList());
    }

    @Override
    public ResponseEntity<cn.ipf.api.model.Bank> setBankSettlementAccount(Long bankId, ReceivingAccount body,
            String idempotencyKey) {
        registry.setSettlementAccount(bankId, body.getName(), body.getBank(), body.getNumber());
        return ResponseEntity.ok(toApi(registry.bank(bankId).orElseThrow()));
    }

    private cn.ipf.api.model.Bank toApi(Bank bank) {
        return new cn.ipf.api.model.Bank().bankId(bank.id()).name(bank.name()).bankCode(bank.bankCode())
                .createdAt(utc(bank.createdAt())).settlementAccount(registry.settlementAccount(bank.id())
                        .map(a -> new ReceivingAccount().name(a.name()).bank(a.bank()).number(a.number()))
                        .orElse(null));
    }

}
