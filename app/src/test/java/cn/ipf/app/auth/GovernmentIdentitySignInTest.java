package cn.ipf.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Browser;
import cn.ipf.app.testinfra.ConsoleBrowser;
import cn.ipf.app.testinfra.IntegrationTest;
import cn.ipf.app.user.Role;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 统一身份认证 sign-in against a real OpenID Connect provider: Spring Authorization Server on its own random port in
 * this JVM, with this platform registered as a client and a person whose ID token carries the enterprise's USCC in
 * the {@code uscc} claim. Signing in there opens the console as the enterprise's approved SME account (same session
 * as a form sign-in, audited); a verified USCC without an account is sent to sign up with the USCC filled in.
 */
class GovernmentIdentitySignInTest extends IntegrationTest {

    private static final String CLIENT_ID = "ipf-console";
    private static final String CLIENT_SECRET = "ipf-console-secret-2026";
    private static final String PERSON = "zhang.gov";
    private static final String PERSON_PASSWORD = "gov-pass-2026";
    /** The USCC the provider vouches for in the next ID token. */
    private static final AtomicReference<String> VERIFIED_USCC = new AtomicReference<>();
    private static ConfigurableApplicationContext provider;
    @RegisterExtension
    static final ConsoleBrowser CONSOLE = new ConsoleBrowser();

    private Browser browser;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        if (provider == null) {
            provider = new SpringApplicationBuilder(IdentityProvider.class).web(WebApplicationType.SERVLET)
                    // none of the platform's own configuration: this is another system
                    .properties("spring.config.name=ipf-test-identity-provider", "server.port=0",
                            "spring.main.banner-mode=off")
                    .run();
        }
        int providerPort = ((WebServerApplicationContext) provider).getWebServer().getPort();
        registry.add("ipf.oidc.enabled", () -> "true");
        // the provider at "localhost", the platform at 127.0.0.1: two hosts, so their cookies never mix
        registry.add("ipf.oidc.issuer-uri", () -> "http://localhost:" + providerPort);
        registry.add("ipf.oidc.client-id", () -> CLIENT_ID);
        registry.add("ipf.oidc.client-secret", () -> CLIENT_SECRET);
        registry.add("ipf.oidc.uscc-claim", () -> "uscc");
    }

    @AfterAll
    static void stop() {
        if (provider != null) {
            provider.close();
            provider = null;
        }
    }

    @BeforeEach
    void registerRedirect() {
        // the platform's port is known only now; the provider accepts exactly this redirect
        provider.getBean(InMemoryRegisteredClientRepository.class).save(client(
                "http://127.0.0.1:" + port + "/login/oauth2/code/gov"));
        browser = CONSOLE.signedOut("http://127.0.0.1:" + port);
    }

    private static RegisteredClient client(String redirectUri) {
        return RegisteredClient.withId("ipf").clientId(CLIENT_ID).clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri).scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).build();
    }

    /** Starts at the login page's button and signs in at the provider when it asks (its session may remain). */
    private void signInThroughProvider() {
        browser.open("/login");
        browser.follow("使用统一身份认证登录");
        if (browser.driver().getCurrentUrl().startsWith("http://localhost:")) {
            browser.screenshot("auth-20-provider-login");
            browser.type("#username", PERSON).type("#password", PERSON_PASSWORD).click("button[type=submit]");
        }
    }

    @Test
    void aVerifiedEnterpriseSignsInAsItsSmeAccountOrIsSentToSignUp() {
        String uscc = SignUpConsoleTest.uscc();
        String sme = user(Role.SME, null, null, null);
        long smeId = userMapper.findByUsername(sme).id();
        jdbc.update("INSERT INTO account_sign_up (form_key, uscc, enterprise_name, contact_name, phone, email, "
                + "username, password_hash, status, user_id, created_at) VALUES (?, ?, '统一认证测试有限公司', '李经理', "
                + "'13900000000', 'li@example.cn', ?, 'x', 'APPROVED', ?, NOW(6))",
                UUID.randomUUID().toString(), uscc, sme, smeId);

        browser.open("/login");
        assertThat(browser.text()).contains("使用统一身份认证登录");
        browser.check("auth-21-login-with-identity-provider");

        VERIFIED_USCC.set(uscc);
        signInThroughProvider();
        assertThat(browser.path()).isEqualTo("/console");
        assertThat(browser.text()).contains(sme, "企业");
        browser.check("auth-22-signed-in-through-provider");
        assertThat(count("audit_event WHERE action = 'USER_SIGNED_IN' AND entity_id = '" + smeId + "'"))
                .isOne();

        // the session is an ordinary console session: it signs out like one
        browser.signOut();
        assertThat(browser.text()).contains("您已安全退出");

        // a verified enterprise without an account is asked to sign up, its USCC filled in
        String unknown = SignUpConsoleTest.uscc();
        VERIFIED_USCC.set(unknown);
        signInThroughProvider();
        assertThat(browser.path()).startsWith("/console/sign-up?via=oidc");
        assertThat(browser.find("#uscc").getAttribute("value")).isEqualTo(unknown);
        assertThat(browser.text()).contains("统一身份认证已确认您的企业身份");
        browser.check("auth-23-identity-without-account");
        browser.open("/console");
        assertThat(browser.path()).isEqualTo("/login");
    }

    /**
     * The provincial identity provider, as far as this platform can tell: an OpenID Connect provider. Not a
     * {@code @Configuration}, so that the test's own context does not take it for its configuration.
     */
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, SecurityAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
        OAuth2AuthorizationServerAutoConfiguration.class, OAuth2AuthorizationServerJwtAutoConfiguration.class})
    static class IdentityProvider {

        @Bean
        InMemoryRegisteredClientRepository clients() {
            return new InMemoryRegisteredClientRepository(client("http://127.0.0.1/login/oauth2/code/gov"));
        }

        @Bean
        UserDetailsService people() {
            return new InMemoryUserDetailsManager(User.withUsername(PERSON).password("{noop}" + PERSON_PASSWORD)
                    .roles("ENTERPRISE").build());
        }

        /** The verified enterprise's USCC in the ID token. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> usccClaim() {
            return context -> {
                if ("id_token".equals(context.getTokenType().getValue())) {
                    context.getClaims().claim("uscc", VERIFIED_USCC.get());
                }
            };
        }
    }
}
