package cn.ipf.app.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ipf.app.testinfra.WebhookReceiver;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sender connects to the address its destination check resolved, once per attempt, and never looks the host up
 * again: a name that no DNS knows reaches the receiver, and a second (rebound) answer is never used.
 */
class WebhookSenderTest {

    private static WebhookProperties properties(boolean allowPrivate) {
        return new WebhookProperties(true, allowPrivate,
                new WebhookProperties.Dispatch(true, Duration.ofSeconds(5), 4, Duration.ofMinutes(2)),
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofHours(6), 10);
    }

    @Test
    void theConnectionGoesToTheCheckedAddressAndKeepsTheHostName() throws Exception {
        List<String> lookups = new ArrayList<>();
        // first answer: the receiver on loopback; any later answer (DNS rebinding) an address nobody listens on
        WebhookDestinations destinations = new WebhookDestinations(properties(true), host -> {
            lookups.add(host);
            return new InetAddress[] {lookups.size() == 1 ? InetAddress.getLoopbackAddress()
                    : InetAddress.getByName("10.255.255.1")};
        });
        try (WebhookReceiver receiver = new WebhookReceiver();
                WebhookSender sender = new WebhookSender(destinations, properties(true))) {
            int port = URI.create(receiver.url("/")).getPort();
            int status = sender.post(URI.create("http://hooks.bank.invalid:" + port + "/ipf"),
                    Map.of("Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8));

            assertThat(status).isEqualTo(204);
            assertThat(lookups).containsExactly("hooks.bank.invalid");
            assertThat(receiver.received()).hasSize(1);
            assertThat(receiver.received().get(0).header("Host")).isEqualTo("hooks.bank.invalid:" + port);
            assertThat(receiver.received().get(0).text()).isEqualTo("{}");
        }
    }

    @Test
    void aHostThatResolvesToAnInternalAddressIsNeverConnected() throws Exception {
        WebhookDestinations destinations = new WebhookDestinations(properties(false),
                host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
        try (WebhookReceiver receiver = new WebhookReceiver();
                WebhookSender sender = new WebhookSender(destinations, properties(false))) {
            int port = URI.create(receiver.url("/")).getPort();
            for (String host : List.of("hooks.bank.invalid", "0x7f000001", "0177.0.0.1", "017700000001",
                    "[::ffff:7f00:1]", "[2002:7f00:1::]")) {
                assertThatThrownBy(() -> sender.post(URI.create("http://" + host + ":" + port + "/ipf"), Map.of(),
                        new byte[0])).as(host).isInstanceOf(WebhookDestinations.Forbidden.class);
            }
            assertThat(receiver.received()).isEmpty();
        }
    }
}
