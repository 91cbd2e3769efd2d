package cn.ipf.app.webhook.policy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * 回调地址校验 which addresses a webhook may be sent to: public unicast only. Loopback, private (RFC 1918, IPv6 unique
 * local), shared (carrier-grade NAT), link-local (cloud metadata at 169.254.169.254), multicast, wildcard and other
 * special-purpose ranges are refused, so that a bank cannot make the platform call into its own network (SSRF).
 */
public final class DestinationAddresses {

    private DestinationAddresses() {
    }

    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            return isPublicV6(b);
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first != 0                                          // 0.0.0.0/8 "this network"
                && !(first == 100 && second >= 64 && second < 128)   // 100.64.0.0/10 shared address space
                && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 protocol assignments
                && !(first == 198 && (second == 18 || second == 19)) // 198.18.0.0/15 benchmarking
                && first < 240;                                      // 240.0.0.0/4 reserved, broadcast
    }

    private static boolean isPublicV6(byte[] b) {
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return false; // fc00::/7 unique local
        }
        if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return isPublic(embeddedV4(b)); // ::ffff:a.b.c.d IPv4-mapped
        }
        if (isZero(b, 0, 12)) {
            return false; // ::/96 IPv4-compatible (deprecated) and ::, ::1
        }
        if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return isPublic(embeddedV4(b)); // 64:ff9b::/96 NAT64
        }
        return true;
    }

    private static InetAddress embeddedV4(byte[] b) {
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an IPv4 address
        }
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
