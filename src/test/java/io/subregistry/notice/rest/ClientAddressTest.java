package io.subregistry.notice.rest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

    @Test
    void anIpv4ClientCountsByItsAddress() {
        assertThat(ClientAddress.of("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ClientAddress.of("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
    }

    @Test
    void anIpv6ClientCountsByItsSlash64SoThatRotatingWithinItChangesNothing() {
        assertThat(ClientAddress.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(ClientAddress.of("2001:db8:1:2::1"))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientAddress.of("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.of("2001:db8:1:2::1"));
    }

    @Test
    void somethingThatIsNoAddressStaysAsItIs() {
        assertThat(ClientAddress.of((String) null)).isEqualTo("unknown");
        assertThat(ClientAddress.of("not:an:address:at:all:zz")).isEqualTo("not:an:address:at:all:zz");
    }
}
