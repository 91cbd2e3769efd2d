package cn.ipf.app.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF guard as production configures it (the test and demo profiles switch it off to reach local receivers),
 * on hosts that need no DNS.
 */
class WebhookDestinationsTest {

    private static WebhookProperties production(boolean allowPrivate) {
        return new WebhookProperties(false, allowPrivate,
                new WebhookProperties.Dispatch(true, Duration.ofSeconds(5), 16, Duration.ofMinutes(2)),
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofHours(6), 10);
    }

    private static final WebhookDestinations GUARD = new WebhookDestinations(production(false));

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "[::1]", "169.254.169.254", "10.0.0.8", "192.168.1.20",
        "0.0.0.0", "[fd00::1]", "[::ffff:172.16.0.1]", "0x7f000001", "0177.0.0.1", "017700000001", "127.1",
        "[2002:7f00:1::]", "[2001:0:4136:e378:8000:63bf:3fff:fdd2]", "[64:ff9b::a00:1]", "1.2.3.256"})
    void internalHostsAreRefused(String host) {
        assertThatThrownBy(() -> GUARD.check(host)).isInstanceOf(WebhookDestinations.Forbidden.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "[2001:4860:4860::8888]"})
    void publicAddressesPass(String host) {
        assertThatCode(() -> GUARD.check(host)).doesNotThrowAnyException();
    }

    @Test
    void theDemoAndTestsMayAllowLocalReceivers() {
        assertThatCode(() -> new WebhookDestinations(production(true)).check("127.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void registrationRefusesAnInternalHostBeforeWritingAnything() {
        // no mapper, cipher or audit: the URL is refused before any of them is needed
        WebhookEndpoints endpoints = new WebhookEndpoints(null, null, GUARD, null, null, Clock.systemUTC(),
                production(false));

        assertThatThrownBy(() -> endpoints.register(1, "https://169.254.169.254/latest/meta-data", null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.WEBHOOK_DESTINATION_FORBIDDEN);
                    assertThat(e.args()).containsExactly("169.254.169.254", "169.254.169.254");
                });
        assertThatThrownBy(() -> endpoints.register(1, "https://localhost:8443/hook", null))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.WEBHOOK_DESTINATION_FORBIDDEN));
        // numeric hosts are checked as the address they spell (java.net.URI takes hex and single numbers for names,
        // which no DNS knows, and used to let them through as "not registered yet"); a short form is no URL to it
        for (String url : List.of("https://0x7f000001/x", "https://017700000001/x", "https://0177.0.0.1/x",
                "https://0177.0.0.01/x", "https://[2002:7f00:1::]/x",
                "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/x", "https://[64:ff9b::808:808]/x",
                "https://[::ffff:7f00:1]/x")) {
            assertThatThrownBy(() -> endpoints.register(1, url, null)).as(url)
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.WEBHOOK_DESTINATION_FORBIDDEN));
        }
        assertThatThrownBy(() -> endpoints.register(1, "https://127.1/x", null))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.WEBHOOK_URL_INVALID));
        assertThatThrownBy(() -> endpoints.register(1, "http://8.8.8.8/hook", null))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.WEBHOOK_URL_INVALID));
    }
}
