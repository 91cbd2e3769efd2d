package cn.ipf.app.bank;

import java.time.Instant;

/** A bank system's API credentials holder: the app id banks sign with; its secrets are kept separately. */
public record BankApp(String appId, long bankId, String name, boolean enabled, Integer rateLimitPerMinute,
        Instant createdAt) {
}
