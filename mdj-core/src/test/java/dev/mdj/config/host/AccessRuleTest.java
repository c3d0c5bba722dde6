package dev.mdj.config.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Require ip networks as httpd reads them. */
class AccessRuleTest {

    private static boolean allows(String network, String address) throws Exception {
        AccessRule rule = AccessRule.parse(List.of("ip", network));
        return rule.networks().get(0).contains(InetAddress.getByName(address));
    }

    @Test
    void aPartialIpv4AddressIsANetworkAsInHttpd() throws Exception {
        assertThat(allows("10.1", "10.1.200.7")).isTrue();
        assertThat(allows("10.1", "10.2.0.1")).isFalse();
        assertThat(allows("192.168.1", "192.168.1.99")).isTrue();
    }

    @Test
    void prefixLengthsAndFullAddresses() throws Exception {
        assertThat(allows("10.0.0.0/8", "10.255.1.1")).isTrue();
        assertThat(allows("127.0.0.1", "127.0.0.2")).isFalse();
        assertThat(allows("::1", "::1")).isTrue();
        assertThat(allows("2001:db8::/32", "2001:db8:1::5")).isTrue();
        assertThat(allows("2001:db8::/32", "127.0.0.1")).isFalse();
    }
}
