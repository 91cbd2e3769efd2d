package cn.ipf.app.console;

import cn.ipf.app.auth.ConsoleSignIn;
import jakarta.servlet.DispatcherType;
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
 * without one gets the 403 page. The API's bearer and signature chains are unchanged and never see these paths.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfig {

    static final String LOGIN = "/login";

    @Bean
    @Order(0)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain console(HttpSecurity http, ConsoleSignIn signIn) throws Exception {
        return http
                .securityMatcher("/", LOGIN, "/logout", "/console", "/console/**", "/css/**", "/js/**",
                        "/webjars/**", "/favicon.ico")
                // its own manager without a parent: a failure must count once, not again in a global manager
                .authenticationManager(new ProviderManager(signIn))
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers(LOGIN, "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
                                "/console/denied").permitAll()
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

    /** The login page says which refusal it was: wrong password, locked, or sign-in unavailable (Redis down). */
    private static AuthenticationFailureHandler failure() {
        return (request, response, e) -> {
            String reason = e instanceof LockedException ? "locked"
                    : e instanceof AuthenticationServiceException ? "unavailable" : "bad";
            response.sendRedirect(request.getContextPath() + LOGIN + "?error=" + reason);
        };
    }
}
