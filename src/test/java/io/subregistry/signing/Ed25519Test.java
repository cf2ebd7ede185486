package io.subregistry.signing;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ed25519Test {

    /** RFC 8032, 7.1, test 1: the secret key, its public key, and the signature of the empty message. */
    static final String SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    static final String PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    static final String EMPTY_SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc"
            + "61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    /** The RFC 8032 key as PKCS#8 PEM, as openssl writes one. */
    static String rfc8032Pem() {
        byte[] der = HexFormat.of().parseHex("302e020100300506032b657004220420" + SEED);
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(der) + "\n-----END PRIVATE KEY-----\n";
    }

    @Test
    void aPkcs8KeyGivesItsPublicKeyAndSignsAsRfc8032Says() {
        Ed25519.Keys keys = Ed25519.fromPkcs8(rfc8032Pem());

        assertThat(HexFormat.of().formatHex(Base64.getUrlDecoder().decode(keys.x()))).isEqualTo(PUBLIC);
        assertThat(HexFormat.of().formatHex(Base64.getUrlDecoder().decode(Ed25519.sign(keys.privateKey(), ""))))
                .isEqualTo(EMPTY_SIGNATURE);
    }

    @Test
    void theKeyIdIsTheRfc7638ThumbprintOfRfc8037sExample() {
        assertThat(Ed25519.thumbprint("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"))
                .isEqualTo("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
    }

    @Test
    void aSignatureVerifiesOnlyForItsMessageAndKey() {
        Ed25519.Keys keys = Ed25519.generate();
        Ed25519.Keys other = Ed25519.generate();
        String message = SignedMessage.of(3, Instant.parse("2026-02-02T00:00:00Z"), "ab".repeat(32));
        String value = Ed25519.sign(keys.privateKey(), message);

        assertThat(value).matches("[A-Za-z0-9_-]{86}");
        assertThat(Ed25519.verify(Ed25519.publicKey(keys.x()), message, value)).isTrue();
        assertThat(Ed25519.verify(Ed25519.publicKey(keys.x()), message.replace("\n3\n", "\n4\n"), value)).isFalse();
        assertThat(Ed25519.verify(Ed25519.publicKey(other.x()), message, value)).isFalse();
        assertThat(Ed25519.verify(Ed25519.publicKey(keys.x()), message, "not-a-signature")).isFalse();
        assertThat(Ed25519.fromPkcs8(keys.pkcs8()).keyId()).isEqualTo(keys.keyId());
    }

    @Test
    void theMessageIsExactlyTheDocumentedBytes() {
        assertThat(SignedMessage.of(12, Instant.parse("2026-02-02T00:00:00Z"), "0f".repeat(32)))
                .isEqualTo("subprocessor-list/v1\n12\n2026-02-02T00:00:00Z\n" + "0f".repeat(32));
        assertThat(SignedMessage.of(1, Instant.parse("2026-02-02T09:30:00.250Z"), "00"))
                .isEqualTo("subprocessor-list/v1\n1\n2026-02-02T09:30:00.250Z\n00");
    }

    @Test
    void somethingElseThanAnEd25519KeyIsRefused() {
        assertThatThrownBy(() -> Ed25519.fromPkcs8("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PKCS#8");
    }
}
