package cn.ipf.app.webhook.policy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * 回调地址校验 which addresses a webhook may be sent to: public unicast only. Loopback, private (RFC 1918, IPv6 unique
 * local), shared (carrier-grade NAT), link-local (cloud metadata at 169.254.169.254), multicast, wildcard and other
 * special-purpose ranges (benchmarking, documentation, discard-only) are refused, so that a bank cannot make the
 * platform call into its own network (SSRF).
 *
 * <p>IPv6 transition ranges are refused as a whole, whatever IPv4 address they carry: IPv4-mapped and -compatible
 * ({@code ::ffff:0:0/96}, {@code ::/96}), 6to4 ({@code 2002::/16}), Teredo ({@code 2001::/32}) and NAT64
 * ({@code 64:ff9b::/96}, {@code 64:ff9b:1::/48}). A receiver is reachable on its own IPv4 or native IPv6 address, and
 * judging the embedded IPv4 address would mean trusting every gateway's reading of it.
 *
 * <p>A host that is a number is an IPv4 address in every form a resolver or URL parser accepts ({@link #numericV4}):
 * {@code 0x7f000001}, {@code 0177.0.0.1}, {@code 017700000001} and {@code 127.1} are all 127.0.0.1.
 */
public final class DestinationAddresses {

    /** The last label of a host that URL parsers (WHATWG) and inet_aton read as a number. */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");

    private DestinationAddresses() {
    }

    /** A host (name or address literal) that is not an address webhooks may use. */
    public static final class NotAnAddress extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        NotAnAddress(String host) {
            super(host + " is neither a name nor a valid IPv4 address");
        }
    }

    /**
     * The IPv4 address a host denotes when its last label is a number, read as inet_aton and WHATWG URL parsers read
     * it: one to four parts, each decimal, octal (a leading 0) or hexadecimal (0x), the last filling the remaining
     * bytes. Null when the host is a name. A numeric host that is no valid address is {@link NotAnAddress}.
     */
    public static Inet4Address numericV4(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String[] parts = h.split("\\.", -1);
        if (h.isEmpty() || !NUMERIC_LABEL.matcher(parts[parts.length - 1]).matches()) {
            return null;
        }
        if (parts.length > 4) {
            throw new NotAnAddress(host);
        }
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = part(parts[i], host);
            if (i < parts.length - 1 && numbers[i] > 255) {
                throw new NotAnAddress(host);
            }
        }
        long last = numbers[parts.length - 1];
        if (last >= 1L << (8 * (5 - parts.length))) {
            throw new NotAnAddress(host);
        }
        long value = last;
        for (int i = 0; i < parts.length - 1; i++) {
            value |= numbers[i] << (8 * (3 - i));
        }
        byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an IPv4 address
        }
    }

    private static long part(String part, String host) {
        try {
            if (part.startsWith("0x") || part.startsWith("0X")) {
                return part.length() == 2 ? 0 : checkedParse(part.substring(2), 16);
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return checkedParse(part.substring(1), 8);
            }
            return checkedParse(part, 10);
        } catch (NumberFormatException e) {
            throw new NotAnAddress(host);
        }
    }

    /** Parses a non-negative number of at most 2^32 (larger is never a part of an address). */
    private static long checkedParse(String digits, int radix) {
        if (digits.isEmpty() || digits.length() > 32) {
            throw new NumberFormatException(digits);
        }
        long value = Long.parseLong(digits, radix);
        if (value > 0xFFFFFFFFL) {
            throw new NumberFormatException(digits);
        }
        return value;
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
                && !(first == 192 && second == 0 && (b[2] & 0xff) == 2)    // 192.0.2.0/24 documentation (TEST-NET-1)
                && !(first == 198 && second == 51 && (b[2] & 0xff) == 100) // 198.51.100.0/24 documentation
                && !(first == 203 && second == 0 && (b[2] & 0xff) == 113)  // 203.0.113.0/24 documentation
                && first < 240;                                      // 240.0.0.0/4 reserved, broadcast
    }

    private static boolean isPublicV6(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return false; // fc00::/7 unique local
        }
        if (isZero(b, 0, 10) && ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || isZero(b, 10, 12))) {
            return false; // ::ffff:0:0/96 IPv4-mapped, ::/96 IPv4-compatible (with :: and ::1)
        }
        if (first == 0x20 && second == 0x02) {
            return false; // 2002::/16 6to4
        }
        if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
            return false; // 2001::/32 Teredo
        }
        if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return false; // 2001:db8::/32 documentation
        }
        if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 2 && b[4] == 0 && b[5] == 0) {
            return false; // 2001:2::/48 benchmarking
        }
        if (first == 0x01 && second == 0x00 && isZero(b, 2, 8)) {
            return false; // 100::/64 discard-only
        }
        if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && (isZero(b, 4, 12) || b[4] == 0 && b[5] == 1)) {
            return false; // 64:ff9b::/96 NAT64, 64:ff9b:1::/48 local-use NAT64
        }
        return true;
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
