package io.subregistry.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 with nothing but the JDK: keys from and to their JWK form (RFC 8037), RFC 7638 key
 * ids, signing and verifying. Plain Java, no Quarkus, so it is unit-tested on its own.
 */
public final class Ed25519 {

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
    public static final String SPKI_PREFIX_HEX = "302a300506032b6570032100";
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex(SPKI_PREFIX_HEX);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

    private Ed25519() {
    }

    /** A key pair with the forms the registry stores and publishes. */
    public record Keys(PrivateKey privateKey, PublicKey publicKey, String x, String keyId) {

        /** The private key as stored for a generated key: PKCS#8 DER in base64. */
        public String pkcs8() {
            return Base64.getEncoder().encodeToString(privateKey.getEncoded());
        }
    }

    public static Keys generate() {
        try {
            return keys(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
        }
    }

    /**
     * Reads a PKCS#8 private key (PEM, or the bare base64 of its DER) and derives its public key.
     * The JDK has no call for that derivation, so the key pair is generated again from the
     * private key's 32-byte seed (RFC 8032: the public key is a function of the seed alone).
     */
    public static Keys fromPkcs8(String pemOrBase64) {
        String base64 = pemOrBase64.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replace("\\n", "")
                .replaceAll("\\s", "");
        try {
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            byte[] seed = ((EdECPrivateKey) privateKey).getBytes()
                    .orElseThrow(() -> new IllegalArgumentException("the private key has no extractable seed"));
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new FixedSeed(seed));
            Keys keys = new Keys(privateKey, keys(generator.generateKeyPair()).publicKey(), null, null);
            if (!verify(keys.publicKey(), "probe", sign(privateKey, "probe"))) {
                throw new IllegalArgumentException("could not derive the public key of the private key");
            }
            keys = keys(new KeyPair(keys.publicKey(), privateKey));
            return keys;
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("not an Ed25519 private key in PKCS#8 (PEM \"BEGIN PRIVATE KEY\"): "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** The public key of a JWK's {@code x} (base64url of the raw 32 bytes). */
    public static PublicKey publicKey(String x) {
        byte[] raw = BASE64URL_DECODER.decode(x);
        if (raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        byte[] der = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
        System.arraycopy(raw, 0, der, SPKI_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** RFC 7638 thumbprint: base64url(SHA-256 of the required members in lexicographic order, no spaces). */
    public static String thumbprint(String x) {
        String canonical = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + x + "\"}";
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The signature of {@code message}'s UTF-8 bytes, base64url without padding. */
    public static String sign(PrivateKey key, String message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign with Ed25519", e);
        }
    }

    /** false for a wrong signature, a malformed one, or one made with another key. */
    public static boolean verify(PublicKey key, String message, String value) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return signature.verify(BASE64URL_DECODER.decode(value));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Keys keys(KeyPair pair) {
        byte[] der = pair.getPublic().getEncoded();
        String x = BASE64URL.encodeToString(Arrays.copyOfRange(der, der.length - 32, der.length));
        return new Keys(pair.getPrivate(), pair.getPublic(), x, thumbprint(x));
    }

    /** Hands the key pair generator the seed of an existing key instead of fresh randomness. */
    private static final class FixedSeed extends SecureRandom {
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("expected a request for a " + seed.length + "-byte seed");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
