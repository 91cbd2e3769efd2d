package cn.ipf.app.auth;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.library.policy.Uscc;
import cn.ipf.app.security.ConsoleAuthentication;
import cn.ipf.app.user.UserAccount;
import cn.ipf.app.user.UserService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriUtils;

/**
 * 统一身份认证 sign-in: after the provider has verified the person (Spring Security's OpenID Connect login checks the
 * ID token), the enterprise's USCC in the configured claim names the approved SME account of that enterprise, and
 * the session becomes exactly a form sign-in's ({@link ConsoleAuthentication} with the same actor), audited. Without
 * such an account the person is sent to sign up, the USCC filled in. Present only when {@code ipf.oidc.enabled}.
 */
@Component
@ConditionalOnBooleanProperty("ipf.oidc.enabled")
public class OidcSignIn implements AuthenticationSuccessHandler, ClientRegistrationRepository {

    /** The registration id, in the paths {@code /oauth2/authorization/gov} and {@code /login/oauth2/code/gov}. */
    public static final String REGISTRATION = "gov";
    private static final Logger LOG = LoggerFactory.getLogger(OidcSignIn.class);

    private final GovernmentIdentityProperties properties;
    private final SignUps signUps;
    private final UserService users;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private volatile ClientRegistration registration;

    OidcSignIn(GovernmentIdentityProperties properties, SignUps signUps, UserService users, AuditTrail audit,
            TransactionTemplate tx) {
        this.properties = properties;
        this.signUps = signUps;
        this.users = users;
        this.audit = audit;
        this.tx = tx;
    }

    /** Read from the provider's discovery document on first use, so the platform starts while it is unreachable. */
    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            known = ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                    .registrationId(REGISTRATION)
                    .clientId(properties.clientId())
                    .clientSecret(properties.clientSecret())
                    .scope(properties.scopes())
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .build();
            registration = known;
        }
        return known;
    }

    /** Redeems the provider's code and checks its ID token (the console's manager has no other providers). */
    public AuthenticationProvider provider() {
        return new OidcAuthorizationCodeAuthenticationProvider(new RestClientAuthorizationCodeTokenResponseClient(),
                new OidcUserService());
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        OidcUser person = (OidcUser) authentication.getPrincipal();
        String uscc = person.getClaimAsString(properties.usccClaim());
        Optional<UserAccount> account = uscc != null && Uscc.isValid(uscc)
                ? signUps.accountOf(uscc).flatMap(users::find) : Optional.empty();
        if (account.isEmpty()) {
            LOG.info("统一身份认证 sign-in of {} with USCC {}: no approved SME account", person.getSubject(), uscc);
            // the provider's session is not the platform's: sign in nobody
            SecurityContext none = SecurityContextHolder.createEmptyContext();
            SecurityContextHolder.setContext(none);
            contexts.saveContext(none, request, response);
            response.sendRedirect(request.getContextPath() + (uscc != null && Uscc.isValid(uscc)
                    ? "/console/sign-up?via=oidc&uscc=" + UriUtils.encodeQueryParam(uscc, StandardCharsets.UTF_8)
                    : "/login?error=oidc"));
            return;
        }
        ConsoleAuthentication signedIn = ConsoleSignIn.authentication(account.get());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        tx.executeWithoutResult(status -> audit.recordAs(signedIn.actor(), "USER_SIGNED_IN", "USER",
                account.get().id(), Map.of("method", "OIDC", "uscc", uscc, "subject", person.getSubject())));
        response.sendRedirect(request.getContextPath() + "/console");
    }
}
