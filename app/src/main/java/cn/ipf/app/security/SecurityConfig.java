package cn.ipf.app.security;

import cn.ipf.app.bank.BankRegistry;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.web.Problems;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Two filter chains: the bank API ({@code /api/v1/bank/**}) authenticated by request signatures, and everything
 * else by bearer JWTs issued by this service. Both answer refusals with problem+json.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final String[] PUBLIC = {"/api/v1/auth/token", "/api/v1/auth/refresh", "/api/v1/auth/logout",
        "/error", "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
        "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**", "/openapi/**", "/"};

    /** Bank systems sign their requests; a bank's officers use the same API with their own bearer token. */
    @Bean
    @Order(1)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain bankApi(HttpSecurity http, BankRegistry registry, NonceStore nonces,
            BankRateLimiter rateLimiter, Problems problems, IpfSecurityProperties properties, Clock clock,
            JwtDecoder jwtDecoder) throws Exception {
        BankRequestAuthenticationFilter signatures = new BankRequestAuthenticationFilter(registry, nonces,
                rateLimiter, problems, properties, clock);
        return stateless(http, problems)
                .securityMatcher("/api/v1/bank/**")
                .addFilterBefore(signatures, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().hasAnyRole(BankAppAuthentication.ROLE, "BANK_OFFICER"))
                .oauth2ResourceServer(o -> bearer(o, jwtDecoder, problems))
                .build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain api(HttpSecurity http, Problems problems, JwtDecoder jwtDecoder) throws Exception {
        return stateless(http, problems)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC).permitAll()
                        // regulators launch the interest-subsidy job and follow executions (issue 5)
                        .requestMatchers(HttpMethod.POST, "/api/v1/admin/jobs/interest-subsidy/executions")
                        .hasAnyRole("ADMIN", "REGULATOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/admin/job-executions/*")
                        .hasAnyRole("ADMIN", "REGULATOR")
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/regulator/**").hasAnyRole("REGULATOR", "ADMIN")
                        // risk compensation (issue 6): reviewers, regulators and admins read; reviewers decide
                        .requestMatchers(HttpMethod.GET, "/api/v1/compensation/**")
                        .hasAnyRole("DISTRICT_REVIEWER", "CITY_REVIEWER", "REGULATOR", "ADMIN")
                        .requestMatchers("/api/v1/compensation/**").hasAnyRole("DISTRICT_REVIEWER", "CITY_REVIEWER")
                        // the library: regulators and admins read; changes are the SMEs' and reviewers'
                        .requestMatchers(HttpMethod.GET, "/api/v1/library/**")
                        .hasAnyRole("SME", "DISTRICT_REVIEWER", "CITY_REVIEWER", "REGULATOR", "ADMIN")
                        .requestMatchers("/api/v1/library/**")
                        .hasAnyRole("SME", "DISTRICT_REVIEWER", "CITY_REVIEWER")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> bearer(o, jwtDecoder, problems))
                .build();
    }

    /** Bearer JWTs issued by this service; the role claim is the one authority. */
    private static void bearer(OAuth2ResourceServerConfigurer<HttpSecurity> o, JwtDecoder jwtDecoder,
            Problems problems) {
        JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(jwt -> List.of(
                new SimpleGrantedAuthority("ROLE_" + jwt.getClaimAsString(TokenClaims.ROLE))));
        o.jwt(j -> j.decoder(jwtDecoder).jwtAuthenticationConverter(roles))
                .authenticationEntryPoint(entryPoint(problems, "Bearer"))
                .accessDeniedHandler(accessDenied(problems));
    }

    private static HttpSecurity stateless(HttpSecurity http, Problems problems) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(entryPoint(problems, "Bearer"))
                        .accessDeniedHandler(accessDenied(problems)));
    }

    private static AuthenticationEntryPoint entryPoint(Problems problems, String scheme) {
        return (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, scheme);
            problems.write(request, response, ErrorCode.UNAUTHENTICATED);
        };
    }

    private static AccessDeniedHandler accessDenied(Problems problems) {
        return (request, response, e) -> problems.write(request, response, ErrorCode.FORBIDDEN);
    }

    @Bean
    JwtDecoder jwtDecoder(IpfSecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtKey(properties))
                .macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(TokenClaims.ISSUER));
        return decoder;
    }

    @Bean
    JwtEncoder jwtEncoder(IpfSecurityProperties properties) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(jwtKey(properties)));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    private static SecretKey jwtKey(IpfSecurityProperties properties) {
        byte[] raw = Base64.getDecoder().decode(properties.jwtSecret());
        if (raw.length < 32) {
            throw new IllegalStateException("ipf.security.jwt-secret must be at least 32 bytes in Base64");
        }
        return new SecretKeySpec(raw, "HmacSHA256");
    }
}
