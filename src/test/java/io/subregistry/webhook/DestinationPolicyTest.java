package io.subregistry.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DestinationPolicyTest {

    /** A DNS that answers from a table, so that "a public name resolving to a private address" can be tested. */
    private static final DestinationPolicy.Resolver DNS = host -> {
        Map<String, List<String>> table = Map.of(
                "hooks.example.com", List.of("93.184.215.14"),
                "rebound.example.com", List.of("93.184.215.14", "10.1.2.3"),
                "metadata.example.com", List.of("169.254.169.254"),
                "v6.example.com", List.of("2606:2800:21f:cb07:6820:80da:af6b:8b2c"));
        List<String> addresses = table.get(host);
        if (addresses == null) {
            // literal addresses resolve to themselves; anything else is unknown
            if (host.matches("[0-9.]+") || host.contains(":")) {
                return List.of(InetAddress.getByName(host));
            }
            throw new UnknownHostException(host);
        }
        return addresses.stream().map(address -> {
            try {
                return InetAddress.getByName(address);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    };

    private final DestinationPolicy strict = new DestinationPolicy(false, false, DNS);

    @Test
    void aPublicHttpsUrlPassesAndIsSentToTheAddressThatWasChecked() throws Exception {
        Destination destination = strict.check("https://hooks.example.com/subprocessors?tenant=7");
        assertThat(destination.address().getHostAddress()).isEqualTo("93.184.215.14");
        assertThat(destination.port()).isEqualTo(443);
        assertThat(destination.tls()).isTrue();
        assertThat(destination.requestUri()).isEqualTo("/subprocessors?tenant=7");
        assertThat(strict.check("https://v6.example.com:8443").requestUri()).isEqualTo("/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://[::1]/hook", "https://10.0.0.8/", "https://172.16.4.1/",
            "https://192.168.1.1/", "https://169.254.169.254/latest/meta-data/", "https://metadata.example.com/",
            "https://100.64.0.1/", "https://0.0.0.0/", "https://[fc00::1]/", "https://[fe80::1]/",
            "https://[::ffff:127.0.0.1]/", "https://224.0.0.1/", "https://rebound.example.com/"})
    void nonPublicAddressesAreRefusedEvenBehindAPublicName(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(DestinationPolicy.Refused.class)
                .hasMessageContaining("only public addresses are allowed");
    }

    @Test
    void onlyHttpsWithoutCredentialsUnlessHttpIsAllowed() {
        assertThatThrownBy(() -> strict.check("http://hooks.example.com/")).hasMessageContaining("only https");
        assertThatThrownBy(() -> strict.check("ftp://hooks.example.com/")).hasMessageContaining("only https");
        assertThatThrownBy(() -> strict.check("https://user:pw@hooks.example.com/")).hasMessageContaining("credentials");
        assertThatThrownBy(() -> strict.check("/relative")).hasMessageContaining("absolute");
        assertThatThrownBy(() -> strict.check("https://nowhere.example.com/")).hasMessageContaining("does not resolve");
        assertThatThrownBy(() -> strict.check("https://exa mple.com/")).hasMessageContaining("not valid");
    }

    @Test
    void theFlagsOpenHttpAndPrivateAddressesForTestsAndIntranets() throws Exception {
        DestinationPolicy open = new DestinationPolicy(true, true, DNS);
        assertThat(open.check("http://127.0.0.1:8089/hook").port()).isEqualTo(8089);
        assertThat(open.check("https://10.0.0.8/").address().getHostAddress()).isEqualTo("10.0.0.8");
        assertThatThrownBy(() -> new DestinationPolicy(true, false, DNS).check("http://127.0.0.1/"))
                .hasMessageContaining("only https");
        assertThatThrownBy(() -> new DestinationPolicy(false, true, DNS).check("http://127.0.0.1/"))
                .hasMessageContaining("loopback");
    }
}
