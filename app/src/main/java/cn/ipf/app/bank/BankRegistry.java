package cn.ipf.app.bank;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.security.BankAppCredentials;
import cn.ipf.app.shared.crypto.SecretCipher;
import cn.ipf.app.shared.crypto.SecretCipher.Purpose;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.persistence.GeneratedId;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partner banks and their API apps. An app has at most two active secrets so a bank can rotate without downtime;
 * secrets are shown once and stored only encrypted.
 */
@Service
public class BankRegistry implements BankAppCredentials {

    static final int MAX_ACTIVE_SECRETS = 2;

    private final BankMapper mapper;
    private final SecretCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    BankRegistry(BankMapper mapper, SecretCipher cipher, AuditTrail audit, Clock clock) {
        this.mapper = mapper;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** A secret as handed out once. */
    public record IssuedSecret(String appId, long secretId, String secret) {
    }

    @Transactional
    public Bank createBank(String name, String bankCode) {
        if (mapper.findBankByCode(bankCode) != null) {
            throw new ApiException(ErrorCode.BANK_CODE_TAKEN, bankCode);
        }
        GeneratedId key = new GeneratedId();
        mapper.insertBank(new Bank(null, name, bankCode, clock.instant()), key);
        audit.record("BANK_CREATED", "BANK", key.getId(), Map.of("name", name, "bankCode", bankCode));
        return mapper.findBank(key.getId());
    }

    /** The bank's settlement account, if one is set. */
    public Optional<SettlementAccount> settlementAccount(long bankId) {
        return Optional.ofNullable(mapper.settlementAccount(bankId));
    }

    /**
     * Sets the account the bank receives compensation payouts on; a payout whose transfer failed before goes out to
     * the new account in the next payment batch.
     */
    @Transactional
    public SettlementAccount setSettlementAccount(long bankId, String name, String bank, String number) {
        if (mapper.findBank(bankId) == null) {
            throw new ApiException(ErrorCode.BANK_NOT_FOUND, bankId);
        }
        SettlementAccount account = new SettlementAccount(name, bank, number, clock.instant());
        mapper.setSettlementAccount(bankId, account);
        audit.record("BANK_SETTLEMENT_ACCOUNT_SET", "BANK", bankId, Map.of("name", name, "bank", bank, "number",
                number));
        return account;
    }

    public List<Bank> banks() {
        return mapper.allBanks();
    }

    public Optional<Bank> bank(long bankId) {
        return Optional.ofNullable(mapper.findBank(bankId));
    }

    @Transactional
    public IssuedSecret createApp(long bankId, String name, Integer rateLimitPerMinute) {
        if (mapper.findBank(bankId) == null) {
            throw new ApiException(ErrorCode.BANK_NOT_FOUND, bankId);
        }
        String appId = "app_" + HexFormat.of().formatHex(randomBytes(10));
        mapper.insertApp(new BankApp(appId, bankId, name, true, rateLimitPerMinute, clock.instant()));
        Map<String, Object> summary = new HashMap<>();
        summary.put("bankId", bankId);
        summary.put("name", name);
        summary.put("rateLimitPerMinute", rateLimitPerMinute);
        audit.record("BANK_APP_CREATED", "BANK_APP", appId, summary);
        return issueSecret(appId);
    }

    @Transactional
    public IssuedSecret addSecret(String appId) {
        lockApp(appId);
        if (activeSecrets(appId).size() >= MAX_ACTIVE_SECRETS) {
            throw new ApiException(ErrorCode.SECRET_LIMIT_REACHED, MAX_ACTIVE_SECRETS);
        }
        return issueSecret(appId);
    }

    @Transactional
    public void revokeSecret(String appId, long secretId) {
        lockApp(appId);
        List<AppSecret> secrets = mapper.secretsOf(appId);
        AppSecret secret = secrets.stream().filter(s -> s.id() == secretId).findFirst()
                .orElseThrow(() -> new ApiException(ErrorCode.SECRET_NOT_FOUND, secretId));
        if (!secret.active()) {
            throw new ApiException(ErrorCode.SECRET_ALREADY_REVOKED, secretId);
        }
        if (secrets.stream().filter(AppSecret::active).count() == 1) {
            throw new ApiException(ErrorCode.LAST_ACTIVE_SECRET);
        }
        mapper.revokeSecret(secretId, clock.instant());
        audit.record("BANK_APP_SECRET_REVOKED", "BANK_APP", appId, Map.of("secretId", secretId));
    }

    @Transactional
    public BankApp setEnabled(String appId, boolean enabled) {
        BankApp app = lockApp(appId);
        if (app.enabled() != enabled) {
            mapper.updateAppEnabled(appId, enabled);
            audit.record(enabled ? "BANK_APP_ENABLED" : "BANK_APP_DISABLED", "BANK_APP", appId, Map.of());
        }
        return mapper.findApp(appId);
    }

    public Optional<BankApp> app(String appId) {
        return Optional.ofNullable(mapper.findApp(appId));
    }

    List<BankApp> apps(long bankId) {
        return mapper.appsOf(bankId);
    }

    public List<AppSecret> secrets(String appId) {
        return mapper.secretsOf(appId);
    }

    @Override
    public Optional<AppCredentials> credentials(String appId) {
        return app(appId).map(app -> new AppCredentials(app.bankId(), app.enabled(), app.rateLimitPerMinute(),
                activeSecrets(appId).stream().map(s -> cipher.decrypt(Purpose.BANK_APP_SECRET, s.secretCiphertext())).toList()));
    }

    private IssuedSecret issueSecret(String appId) {
        String secret = cipher.newSecret(32);
        GeneratedId key = new GeneratedId();
        mapper.insertSecret(appId, cipher.encrypt(Purpose.BANK_APP_SECRET, secret), clock.instant(), key);
        audit.record("BANK_APP_SECRET_ISSUED", "BANK_APP", appId, Map.of("secretId", key.getId()));
        return new IssuedSecret(appId, key.getId(), secret);
    }

    private BankApp lockApp(String appId) {
        BankApp app = mapper.lockApp(appId);
        if (app == null) {
            throw new ApiException(ErrorCode.APP_NOT_FOUND, appId);
        }
        return app;
    }

    private List<AppSecret> activeSecrets(String appId) {
        return mapper.secretsOf(appId).stream().filter(AppSecret::active).toList();
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }
}
