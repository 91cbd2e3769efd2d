package cn.ipf.app.webhook.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DestinationAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
        "169.254.169.254", "0.0.0.0", "0.1.2.3", "100.64.0.1", "100.127.255.255", "192.0.0.8", "198.18.0.1",
        "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
        "::", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1",
        "::127.0.0.1", "64:ff9b::a9fe:a9fe", "fec0::1"})
    void internalAddressesAreRefused(String address) throws UnknownHostException {
        assertThat(DestinationAddresses.isPublic(InetAddress.getByName(address))).as(address).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.15.255.255", "172.32.0.1",
        "192.0.2.1", "198.17.255.255", "223.255.255.255", "2001:4860:4860::8888", "2400:3200::1", "::ffff:8.8.8.8",
        "64:ff9b::808:808"})
    void publicAddressesAreAllowed(String address) throws UnknownHostException {
        assertThat(DestinationAddresses.isPublic(InetAddress.getByName(address))).as(address).isTrue();
    }
}
