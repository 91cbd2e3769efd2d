package cn.ipf.app.auth;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ipf.oidc.*}: the optional OpenID Connect sign-in through the provincial government-service identity provider
 * (统一身份认证). Off unless {@code enabled}; the demo needs none of it.
 *
 * @param enabled      offer "使用统一身份认证登录" on the login page
 * @param issuerUri    the provider's issuer (its {@code /.well-known/openid-configuration} is read on first use)
 * @param clientId     this platform's client id at the provider
 * @param clientSecret its secret (client_secret_basic)
 * @param usccClaim    the ID-token claim carrying a verified enterprise's USCC
 * @param scopes       scopes asked for; {@code openid} at least
 */
@ConfigurationProperties("ipf.oidc")
public record GovernmentIdentityProperties(boolean enabled, String issuerUri, String clientId, String clientSecret,
        String usccClaim, List<String> scopes) {

    public GovernmentIdentityProperties {
        usccClaim = usccClaim == null || usccClaim.isBlank() ? "uscc" : usccClaim;
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile") : List.copyOf(scopes);
        if (enabled && (issuerUri == null || clientId == null || clientSecret == null)) {
            throw new IllegalStateException("ipf.oidc.enabled needs issuer-uri, client-id and client-secret");
        }
    }
}
