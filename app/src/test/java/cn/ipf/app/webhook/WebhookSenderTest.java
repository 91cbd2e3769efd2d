package cn.ipf.app.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import cn.ipf.app.testinfra.WebhookReceiver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
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

    /**
     * A receiver that answers one byte a second, below the 2 s read timeout: a 200 head followed by a body that never
     * ends, or a head that never ends.
     */
    private static ServerSocket trickler(String head, boolean headComplete) throws IOException {
        ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    InputStream in = socket.getInputStream();
                    String request = "";
                    while (!request.endsWith("{}")) {
                        request += (char) in.read();
                    }
                    OutputStream out = socket.getOutputStream();
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    for (int i = 0; i < 600; i++) {
                        out.write(headComplete ? 'x' : 'X');
                        out.flush();
                        Thread.sleep(1000);
                    }
                } catch (IOException | InterruptedException e) {
                    // the client dropped the connection: wait for the next one
                }
            }
        }, "trickler");
        t.setDaemon(true);
        t.start();
        return server;
    }

    private static int post(WebhookSender sender, ServerSocket server) throws Exception {
        return sender.post(URI.create("http://hooks.bank.invalid:" + server.getLocalPort() + "/ipf"),
                Map.of("Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBodyTrickledSlowlyIsNotWaitedFor() throws Exception {
        WebhookDestinations destinations = new WebhookDestinations(properties(true),
                host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
        try (ServerSocket server = trickler("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n", true);
                WebhookSender sender = new WebhookSender(destinations, properties(true))) {
            // the guard only stops a hanging test; without the fix the sender reads the body for 100000 s
            assertThat(assertTimeoutPreemptively(Duration.ofSeconds(60), () -> post(sender, server))).isEqualTo(200);
        }
    }

    @Test
    void aHeadTrickledSlowlyEndsAtTheAttemptsDeadline() throws Exception {
        WebhookDestinations destinations = new WebhookDestinations(properties(true),
                host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
        try (ServerSocket server = trickler("HTTP/1.1 200 OK\r\nX-Slow: ", false);
                WebhookSender sender = new WebhookSender(destinations, properties(true))) {
            // deadline: 2 s connect + 2 s request; the guard only stops a hanging test
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(() -> post(sender, server))
                    .isInstanceOf(SocketTimeoutException.class).hasMessageContaining("timed out"));
        }
    }
}
