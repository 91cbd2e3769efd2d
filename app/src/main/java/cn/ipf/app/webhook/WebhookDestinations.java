package cn.ipf.app.webhook;

import cn.ipf.app.webhook.policy.DestinationAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.stereotype.Component;

/**
 * The SSRF guard of webhooks: a host must resolve to public addresses only ({@link DestinationAddresses}), checked
 * when an endpoint is registered and again before every attempt (DNS can change in between). The HTTP client resolves
 * the host once more when it connects; the JVM's address cache (30 s by default) normally answers both lookups alike.
 * {@code ipf.webhooks.allow-private-addresses} turns the guard off for the demo and the tests.
 */
@Component
class WebhookDestinations {

    private final boolean allowPrivate;

    WebhookDestinations(WebhookProperties properties) {
        this.allowPrivate = properties.allowPrivateAddresses();
    }

    /** A host that resolves to an address webhooks must not be sent to. */
    static final class Forbidden extends Exception {

        private static final long serialVersionUID = 1L;

        final String host;
        final String address;

        Forbidden(String host, InetAddress address) {
            super("address " + address.getHostAddress() + " of " + host + " is not a public address");
            this.host = host;
            this.address = address.getHostAddress();
        }
    }

    /** Passes when every address of {@code host} is public (or the guard is off). */
    void check(String host) throws Forbidden, UnknownHostException {
        if (allowPrivate) {
            return;
        }
        for (InetAddress address : InetAddress.getAllByName(host)) {
            if (!DestinationAddresses.isPublic(address)) {
                throw new Forbidden(host, address);
            }
        }
    }
}
