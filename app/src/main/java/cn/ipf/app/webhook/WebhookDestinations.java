package cn.ipf.app.webhook;

import cn.ipf.app.webhook.policy.DestinationAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The SSRF guard of webhooks: a host must stand for public addresses only ({@link DestinationAddresses}), checked when
 * an endpoint is registered and again for every attempt. The addresses an attempt was checked against are the ones it
 * connects to ({@link WebhookSender}): the host is resolved once per attempt, so DNS that changes between the check
 * and the connection (rebinding) cannot redirect it. A host that is a number in any form is read as an IPv4 address
 * here, never handed to DNS. {@code ipf.webhooks.allow-private-addresses} turns the guard off for the demo and tests.
 */
@Component
class WebhookDestinations {

    /** Looks a host name up (the system resolver in production). */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    @Autowired
    WebhookDestinations(WebhookProperties properties) {
        this(properties, InetAddress::getAllByName);
    }

    WebhookDestinations(WebhookProperties properties, Resolver resolver) {
        this.allowPrivate = properties.allowPrivateAddresses();
        this.resolver = resolver;
    }

    /** A host that stands for an address webhooks must not be sent to. */
    static final class Forbidden extends Exception {

        private static final long serialVersionUID = 1L;

        final String host;
        final String address;

        Forbidden(String host, InetAddress address) {
            super("address " + address.getHostAddress() + " of " + host + " is not a public address");
            this.host = host;
            this.address = address.getHostAddress();
        }

        Forbidden(String host, DestinationAddresses.NotAnAddress e) {
            super(e.getMessage());
            this.host = host;
            this.address = host;
        }
    }

    /** Passes when every address of {@code host} is public (or the guard is off). */
    void check(String host) throws Forbidden, UnknownHostException {
        resolve(host);
    }

    /**
     * The addresses of {@code host} (a URI host: a name, an IPv4 address in any numeric form, or a bracketed IPv6
     * literal), all of them checked; the caller connects to these and does not resolve the host again.
     */
    InetAddress[] resolve(String host) throws Forbidden, UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            InetAddress numeric = DestinationAddresses.numericV4(bare);
            addresses = numeric != null ? new InetAddress[] {numeric} : resolver.resolve(bare);
        } catch (DestinationAddresses.NotAnAddress e) {
            throw new Forbidden(host, e);
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!DestinationAddresses.isPublic(address)) {
                    throw new Forbidden(host, address);
                }
            }
        }
        return addresses;
    }
}
