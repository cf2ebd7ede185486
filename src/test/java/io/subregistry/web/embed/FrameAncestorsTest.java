package io.subregistry.web.embed;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** registry.embed.allowed-origins: origins only, checked when the service starts. */
class FrameAncestorsTest {

    @Test
    void originsAreAllowedBesideTheServiceItself() {
        assertThat(FrameAncestors.of(List.of("https://www.acme.example", " http://localhost:8081 ", "HTTPS://Legal.Acme.example:8443"))
                .sources()).isEqualTo("'self' https://www.acme.example http://localhost:8081 https://legal.acme.example:8443");
    }

    @Test
    void withoutOriginsOnlyTheServiceItselfMayFrameTheList() {
        assertThat(FrameAncestors.of(null).sources()).isEqualTo("'self'");
        assertThat(FrameAncestors.of(List.of("", "  ")).sources()).isEqualTo("'self'");
    }

    @Test
    void aDuplicateIsListedOnce() {
        assertThat(FrameAncestors.of(List.of("https://a.example", "https://A.example")).sources()).isEqualTo("'self' https://a.example");
    }

    @Test
    void anythingButAnOriginIsRefusedNamingEachBadEntry() {
        assertThatThrownBy(() -> FrameAncestors.of(List.of("https://ok.example", "https://www.acme.example/legal",
                "www.acme.example", "*", "https://*.acme.example", "ftp://files.acme.example", "https://acme.example?x=1",
                "https://acme.example; script-src *", "'unsafe-inline'")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"https://www.acme.example/legal\" has a path")
                .hasMessageContaining("\"www.acme.example\" is not scheme://host[:port]")
                .hasMessageContaining("\"*\" is not scheme://host[:port]")
                .hasMessageContaining("\"https://*.acme.example\" is not scheme://host[:port]")
                .hasMessageContaining("\"ftp://files.acme.example\" must start with https://")
                .hasMessageContaining("\"https://acme.example?x=1\" has a path, query or fragment")
                .hasMessageContaining("\"https://acme.example; script-src *\" is not")
                .hasMessageContaining("\"'unsafe-inline'\" is not")
                .message().doesNotContain("ok.example");
        assertThatThrownBy(() -> FrameAncestors.of(List.of("https://acme.example/"))).hasMessageContaining("has a path");
        assertThatThrownBy(() -> FrameAncestors.of(List.of("https://user@acme.example"))).hasMessageContaining("user name");
    }

    @Test
    void aBadSettingStopsTheStartWithTheSettingsName() {
        assertThatThrownBy(() -> new EmbedPolicy(() -> Optional.of(List.of("https://www.acme.example/legal"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("registry.embed.allowed-origins cannot be used: each must be an origin");
        assertThat(new EmbedPolicy(Optional::empty).contentSecurityPolicy()).contains("frame-ancestors 'self';");
    }
}
