package cn.ipf.app.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * Sends one webhook request to the address its host was checked against: the host is resolved once through
 * {@link WebhookDestinations} and the connection goes to that address, while the Host header, the TLS server name
 * (SNI) and certificate verification keep the host name. The client itself never resolves a name (its resolver
 * refuses), so a DNS answer that changes after the check (rebinding) cannot move the connection elsewhere.
 * Redirects are not followed (a redirect could lead past the check), and nothing is retried by the client.
 *
 * <p>The client's timeouts bound each read only, so a receiver trickling bytes could hold an attempt for ever: every
 * attempt also has a total deadline (connect timeout + request timeout, well inside the dispatcher's lease), at which
 * the request is cancelled and its connection dropped.
 */
@Component
class WebhookSender implements AutoCloseable {

    private final WebhookDestinations destinations;
    private final CloseableHttpClient http;
    private final Duration deadline;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "webhook-deadlines");
        t.setDaemon(true);
        return t;
    });

    WebhookSender(WebhookDestinations destinations, WebhookProperties properties) {
        this.destinations = destinations;
        this.deadline = properties.connectTimeout().plus(properties.requestTimeout());
        Timeout connectTimeout = Timeout.of(properties.connectTimeout());
        Timeout requestTimeout = Timeout.of(properties.requestTimeout());
        int connections = properties.dispatch().batchSize();
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new NoLookups())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connectTimeout)
                                .setSocketTimeout(requestTimeout)
                                .build())
                        .setMaxConnTotal(connections)
                        .setMaxConnPerRoute(connections)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(requestTimeout)
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .build();
    }

    /**
     * POSTs the body and answers the response status as soon as the head has arrived. The body is never read: the
     * request is cancelled right after the status, which drops the connection (closing the response would read the
     * rest of the body, at whatever pace the receiver sends it).
     *
     * @throws SocketTimeoutException when the attempt's total deadline passes first
     */
    int post(URI uri, Map<String, String> headers, byte[] body) throws WebhookDestinations.Forbidden, IOException {
        if (uri.getHost() == null) {
            throw new UnknownHostException("no host in " + uri);
        }
        InetAddress address = destinations.resolve(uri.getHost())[0];
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        HttpHost target = new HttpHost(uri.getScheme(), address, host, port);
        HttpPost request = new HttpPost(uri);
        headers.forEach(request::setHeader);
        request.setEntity(new ByteArrayEntity(body, null));
        ScheduledFuture<?> timer = deadlines.schedule(request::cancel, deadline.toMillis(), TimeUnit.MILLISECONDS);
        try {
            ClassicHttpResponse response = http.executeOpen(target, request, null);
            request.cancel();
            return response.getCode();
        } catch (IOException e) {
            if (request.isCancelled()) {
                throw new SocketTimeoutException("timed out after " + deadline.toMillis() + " ms");
            }
            throw e;
        } finally {
            timer.cancel(false);
        }
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        http.close();
    }

    /** Connections always carry the checked address; any lookup by the client would bypass the check. */
    private static final class NoLookups implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            throw new UnknownHostException(host + ": webhooks connect only to checked addresses");
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            throw new UnknownHostException(host + ": webhooks connect only to checked addresses");
        }
    }
}
