package io.subregistry.notice;

import io.subregistry.platform.error.ResourceNotFoundException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.subregistry.platform.RegistryConfig;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The tokens in mail links (confirm, manage/unsubscribe, objection). A token is the 256-bit
 * HMAC-SHA256 of what it stands for (purpose, record id, the record's current nonce) under a
 * secret key, so that any instance can rebuild the exact link when it (re)sends a mail; the
 * database keeps only each token's SHA-256, for lookup. Rotating a record's nonce revokes its
 * old links.
 *
 * <p>The key comes from {@code registry.token-secret} (recommended in production, shared by
 * all instances) or, if unset, is generated once and kept in the database.
 */
@ApplicationScoped
public class TokenService {

    private static final String SECRET_NAME = "link-tokens";

    private final EntityManager entityManager;
    private final Optional<String> configuredSecret;
    private final Clock clock;
    private volatile byte[] key;
    /** Never used directly (a Mac is not thread-safe): only copied. */
    private volatile Mac keyedMac;

    public TokenService(EntityManager entityManager, RegistryConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.configuredSecret = config.tokenSecret();
        this.clock = clock;
    }

    /** What a token is for; part of the MAC so one kind of token never passes for another. */
    public enum Purpose { CONFIRM, MANAGE, NOTICE, INVITE }

    public String token(Purpose purpose, UUID id, UUID nonce) {
        byte[] value = mac().doFinal((purpose + ":" + id + ":" + nonce).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** A fresh MAC under the key: a copy of one initialised once (provider lookup and key set-up cost more than the MAC). */
    private Mac mac() {
        try {
            Mac initialised = keyedMac;
            if (initialised == null) {
                initialised = Mac.getInstance("HmacSHA256");
                initialised.init(new SecretKeySpec(key(), "HmacSHA256"));
                keyedMac = initialised;
            }
            return (Mac) initialised.clone();
        } catch (GeneralSecurityException | CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime and can be copied", e);
        }
    }

    /**
     * A stable pseudonym of a value that must not be stored as it is (a client's address): the
     * HMAC of it under the same secret, so that every instance derives the same one and nobody
     * without the secret can tell which value it stands for (an address space is small enough
     * to try every plain hash).
     */
    public String pseudonym(String purpose, String value) {
        return HexFormat.of().formatHex(mac().doFinal(("pseudonym:" + purpose + ":" + value).getBytes(StandardCharsets.UTF_8)));
    }

    /** The stored form of a token. Tokens that can't be ours (wrong length or alphabet) hash to nothing findable. */
    public static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Refuses text that is not shaped like a token before any lookup. */
    public static String requireWellFormed(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            throw new ResourceNotFoundException("this link is not valid; it may have been cut or mistyped");
        }
        return token;
    }

    private byte[] key() {
        byte[] current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = configuredSecret.filter(secret -> !secret.isBlank())
                            .map(secret -> secret.getBytes(StandardCharsets.UTF_8))
                            .orElseGet(this::storedSecret);
                }
                current = key;
            }
        }
        return current;
    }

    private byte[] storedSecret() {
        return QuarkusTransaction.requiringNew().call(this::loadOrCreateSecret);
    }

    private byte[] loadOrCreateSecret() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        entityManager.createNativeQuery("insert into app_secret (name, value, created_at) values (?1, ?2, ?3)"
                        + " on conflict (name) do nothing")
                .setParameter(1, SECRET_NAME).setParameter(2, fresh).setParameter(3, Instant.now(clock))
                .executeUpdate();
        return (byte[]) entityManager.createNativeQuery("select value from app_secret where name = ?1")
                .setParameter(1, SECRET_NAME).getSingleResult();
    }

    @PostConstruct
    void checkConfiguredSecret() {
        configuredSecret.filter(secret -> !secret.isBlank() && secret.length() < 32).ifPresent(secret -> {
            throw new IllegalStateException("registry.token-secret must be at least 32 characters");
        });
    }
}
