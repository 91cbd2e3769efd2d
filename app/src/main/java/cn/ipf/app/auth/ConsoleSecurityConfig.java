package cn.ipf.app.auth;

import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The console's own filter chain, before the API's: people sign in with a form at {@code /login} (the API's
 * {@link ConsoleSignIn}: same lockout and audit) and keep a session (Spring Session in Redis, shared by instances;
 * cookie HttpOnly, SameSite=Lax, 30 minutes idle: see application.yml). Every form carries a CSRF token; a request
 * without one gets the 403 page. When configured, people may also sign in through the provincial identity provider
 * (统一身份认证, {@link OidcSignIn}). The API's bearer and signature chains are unchanged and never see these paths.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfig {

    static final String LOGIN = "/login";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSecurityConfig.class);

    @Bean
    @Order(0)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain console(HttpSecurity http, ConsoleSignIn signIn, Optional<OidcSignIn> oidc)
            throws Exception {
        List<String> paths = new ArrayList<>(List.of("/", LOGIN, "/logout", "/console", "/console/**", "/css/**",
                "/js/**", "/webjars/**", "/favicon.ico"));
        if (oidc.isPresent()) {
            // 统一身份认证: the redirect to the provider and its answer
            paths.addAll(List.of("/oauth2/authorization/**", "/login/oauth2/code/**"));
            http.oauth2Login(o -> o.loginPage(LOGIN).clientRegistrationRepository(oidc.get())
                    .successHandler(oidc.get())
                    .failureHandler((request, response, e) -> {
                        // the provider's refusal or an unverifiable answer: operators need the reason
                        LOG.warn("统一身份认证 sign-in failed: {}", e.getMessage());
                        response.sendRedirect(request.getContextPath() + LOGIN + "?error=oidc");
                    }));
        }
        return http
                .securityMatcher(paths.toArray(String[]::new))
                // its own manager without a parent: a failure must count once, not again in a global manager
                .authenticationManager(oidc.isPresent() ? new ProviderManager(signIn, oidc.get().provider())
                        : new ProviderManager(signIn))
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers(LOGIN, "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
                                "/console/denied", ConsoleSignIn.SIGN_UP_PAGE,
                                ConsoleSignIn.SIGN_UP_PAGE + "/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage(LOGIN).defaultSuccessUrl("/console", true).failureHandler(failure()))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl(LOGIN + "?signedOut"))
                .exceptionHandling(e -> e.accessDeniedPage("/console/denied"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /**
     * The login page says which refusal it was: wrong password, locked, sign-in unavailable (Redis down), or a
     * self sign-up still pending review or rejected.
     */
    private static AuthenticationFailureHandler failure() {
        return (request, response, e) -> {
            if (e instanceof ConsoleSignIn.SignUpNotApproved refused && refused.reason() != null) {
                // the reviewer's words, for the login page to show once
                request.getSession().setAttribute(SignInPages.SIGN_UP_REASON, refused.reason());
            }
            String reason = e instanceof LockedException ? "locked"
                    : e instanceof AuthenticationServiceException ? "unavailable"
                    : e instanceof ConsoleSignIn.SignUpNotApproved s ? s.status().name().toLowerCase(Locale.ROOT)
                    : "bad";
            response.sendRedirect(request.getContextPath() + LOGIN + "?error=" + reason);
        };
    }
}
