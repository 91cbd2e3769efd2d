package cn.ipf.app.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
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
 */
@Component
class WebhookSender implements AutoCloseable {

    private final WebhookDestinations destinations;
    private final CloseableHttpClient http;

    WebhookSender(WebhookDestinations destinations, WebhookProperties properties) {
        this.destinations = destinations;
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
     * POSTs the body and answers the response status as soon as the head has arrived (the body is not read: the
     * connection is closed instead, so a receiver that answers slowly cannot hold the attempt).
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
        try (ClassicHttpResponse response = http.executeOpen(target, request, null)) {
            return response.getCode();
        }
    }

    @Override
    public void close() throws IOException {
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
