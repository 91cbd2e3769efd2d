package cn.ipf.app.security;

import java.util.List;
import java.util.Optional;

/**
 * Where the signature check finds a bank app's credentials. Implemented by the bank feature, which owns apps and
 * their secrets, so that security depends on no feature.
 */
public interface BankAppCredentials {

    /** What the check needs: the app's bank, whether it is enabled, its rate limit (null: the default), its secrets. */
    record AppCredentials(long bankId, boolean enabled, Integer rateLimitPerMinute, List<String> activeSecrets) {
    }

    Optional<AppCredentials> credentials(String appId);
}
