package cn.ipf.app.idempotency;

import cn.ipf.app.shared.crypto.SecretCipher;
import cn.ipf.app.shared.web.Problems;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Registers the idempotency filter right after Spring Security, where the caller is known. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfig {

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyMapper records, TransactionTemplate tx,
            Problems problems, @Value("${ipf.idempotency.max-body-bytes}") int maxBodyBytes, SecretCipher cipher,
            Clock clock, JsonMapper json) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(records, tx, problems, maxBodyBytes, cipher, clock, json));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        registration.addUrlPatterns("/api/*", "/console/*");
        return registration;
    }
}
