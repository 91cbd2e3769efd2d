package cn.ipf.app.webhook.policy;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DestinationAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
        "169.254.169.254", "0.0.0.0", "0.1.2.3", "100.64.0.1", "100.127.255.255", "192.0.0.8", "198.18.0.1",
        "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
        "::", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1",
        "::127.0.0.1", "64:ff9b::a9fe:a9fe", "fec0::1",
        // transition ranges, whatever they embed: 6to4, Teredo, NAT64 (well-known and local-use)
        "2002:7f00:1::", "2002:808:808::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001::1",
        "64:ff9b::808:808", "64:ff9b:1::a00:1",
        // documentation, benchmarking and discard-only ranges
        "192.0.2.1", "198.51.100.7", "203.0.113.255", "2001:db8::1", "2001:db8:ffff::1", "2001:2::1", "100::1"})
    void internalAddressesAreRefused(String address) throws UnknownHostException {
        assertThat(DestinationAddresses.isPublic(InetAddress.getByName(address))).as(address).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.15.255.255", "172.32.0.1",
        "192.0.3.1", "198.51.101.1", "203.0.114.1", "198.17.255.255", "223.255.255.255", "2001:4860:4860::8888", "2400:3200::1", "::ffff:8.8.8.8",
        "2001:4860::1", "2001:1::1", "2001:db9::1", "2001:2:1::1", "100:0:0:1::1"})
    void publicAddressesAreAllowed(String address) throws UnknownHostException {
        assertThat(DestinationAddresses.isPublic(InetAddress.getByName(address))).as(address).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"0x7f000001, 127.0.0.1", "0177.0.0.1, 127.0.0.1", "017700000001, 127.0.0.1", "127.1, 127.0.0.1",
        "2130706433, 127.0.0.1", "0x7f.1, 127.0.0.1", "0x7F.0.0.0x1, 127.0.0.1", "10.1, 10.0.0.1",
        "0xa9.0xfe.0xa9.0xfe, 169.254.169.254", "192.168.257, 192.168.1.1", "0, 0.0.0.0", "8.8.8.8., 8.8.8.8",
        "0x, 0.0.0.0", "134744072, 8.8.8.8"})
    void everyNumericFormOfAnIpv4AddressIsRead(String host, String address) {
        assertThat(DestinationAddresses.numericV4(host).getHostAddress()).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x7f000001", "0177.0.0.1", "017700000001", "127.1", "2130706433", "0x0a.1",
        "0251.0376.0251.0376", "0"})
    void numericFormsOfInternalAddressesAreRefused(String host) {
        assertThat(DestinationAddresses.isPublic(DestinationAddresses.numericV4(host))).as(host).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hooks.bank.example", "bank.example.", "xn--fiqs8s.example", "1.2.3.example", "a0x1"})
    void namesAreNotNumbers(String host) {
        assertThat(DestinationAddresses.numericV4(host)).as(host).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "1.2.3.256", "1.2.65536", "1.16777216", "4294967296", "1.2.3.4.5", "08.1.1.1",
        "1..1", "example.123", "0x100000000", "99999999999999999999999999999999999"})
    void numbersThatAreNoAddressAreRefused(String host) {
        assertThatThrownBy(() -> DestinationAddresses.numericV4(host))
                .isInstanceOf(DestinationAddresses.NotAnAddress.class);
    }

    @Test
    void aDottedDecimalAddressIsReadAsItIs() {
        assertThat(DestinationAddresses.numericV4("203.0.113.7").getHostAddress()).isEqualTo("203.0.113.7");
    }
}
