package io.subregistry.signing;

import io.subregistry.audit.AuditAction;
import io.subregistry.audit.AuditLog;
import io.subregistry.platform.error.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys that sign versions. A configured key ({@code registry.signing.private-key}) signs
 * whenever it is set, and retires whatever signed before it; otherwise the service generates
 * one, keeps it in the database for every instance, and can rotate it. Every key stays
 * published, retired or not.
 */
@ApplicationScoped
public class SigningKeys {

    private final SigningKeyRepository keys;
    private final AuditLog audit;
    private final Clock clock;
    private final Optional<Ed25519.Keys> configured;
    /** Decoded keys by id: keys never change, so a cached decoding never goes stale. */
    private final Map<String, Ed25519.Keys> privateKeys = new ConcurrentHashMap<>();
    private final Map<String, PublicKey> publicKeys = new ConcurrentHashMap<>();
    private volatile boolean configuredRecorded;
    private volatile Ed25519.Keys active;

    public SigningKeys(SigningKeyRepository keys, AuditLog audit, Clock clock, SigningConfig config) {
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
        this.configured = config.privateKey().filter(pem -> !pem.isBlank()).map(SigningKeys::parseConfigured);
    }

    /** One published key (RFC 8037 JWK) and its state. */
    public record PublishedKey(String keyId, String x, Instant createdAt, Instant retiredAt) {
    }

    /** What a rotation did. */
    public record Rotation(String keyId, String retiredKeyId, Instant at) {
    }

    public boolean isConfigured() {
        return configured.isPresent();
    }

    /**
     * The key that signs now, in the caller's transaction: the configured one, or the active
     * generated one (generated first if there is none yet). The generated one is remembered; a
     * signature's insert checks that it is still active (another instance may have rotated it),
     * and the signer calls {@link #forgetActive()} when it is not.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ed25519.Keys current() {
        if (configured.isPresent()) {
            if (!configuredRecorded) {
                // Before register() ran at start (sample data publishes first): the signature's key must exist.
                keys.insertIfAbsent(configured.get().keyId(), configured.get().x(), null, SigningKey.Source.CONFIGURED,
                        now());
            }
            return configured.get();
        }
        Ed25519.Keys remembered = active;
        if (remembered != null) {
            return remembered;
        }
        Optional<SigningKey> stored = keys.activeGenerated();
        if (stored.isEmpty()) {
            keys.lockForKeyChange();
            stored = keys.activeGenerated();
        }
        SigningKey key = stored.orElseGet(this::generate);
        Ed25519.Keys decoded = privateKeys.computeIfAbsent(key.id, id -> Ed25519.fromPkcs8(key.privateKey));
        active = decoded;
        return decoded;
    }

    /** The remembered key was retired (by another instance): read the active one again next time. */
    public void forgetActive() {
        active = null;
    }

    /** Makes sure the key that signs is recorded (and published), whichever it is. */
    @Transactional
    public String register() {
        keys.lockForKeyChange();
        if (configured.isPresent()) {
            Ed25519.Keys key = configured.get();
            Instant now = now();
            keys.insertIfAbsent(key.keyId(), key.x(), null, SigningKey.Source.CONFIGURED, now);
            keys.retireAllExcept(key.keyId(), now);
            configuredRecorded = true;
            return key.keyId();
        }
        return current().keyId();
    }

    /** Retires the generated key and generates the next; refused for a configured key. */
    @Transactional
    public Rotation rotate(String actor) {
        if (configured.isPresent()) {
            throw new ConflictException("the signing key comes from registry.signing.private-key (key "
                    + configured.get().keyId() + "), so a key rotated here would be replaced by it again:"
                    + " configure the new key instead; the old one then stays published as retired");
        }
        keys.lockForKeyChange();
        Instant now = now();
        Optional<SigningKey> previous = keys.activeGenerated();
        previous.ifPresent(key -> key.retiredAt = now);
        keys.flush();
        SigningKey next = generate();
        active = null;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("keyId", next.id);
        previous.ifPresent(key -> details.put("retiredKeyId", key.id));
        audit.record(actor, AuditAction.SIGNING_KEY_ROTATED, "signing key " + next.id, details);
        return new Rotation(next.id, previous.map(key -> key.id).orElse(null), now);
    }

    /** Every key that ever signed, oldest first. */
    @Transactional
    public List<PublishedKey> published() {
        return keys.oldestFirst().stream()
                .map(key -> new PublishedKey(key.id, key.publicKey, key.createdAt, key.retiredAt))
                .toList();
    }

    /** The public key of a key id, read from the database (not from the configured key). */
    @Transactional
    public Optional<PublicKey> publicKey(String keyId) {
        PublicKey cached = publicKeys.get(keyId);
        if (cached != null) {
            return Optional.of(cached);
        }
        return keys.findByIdOptional(keyId).map(key -> {
            PublicKey decoded = Ed25519.publicKey(key.publicKey);
            publicKeys.put(keyId, decoded);
            return decoded;
        });
    }

    private SigningKey generate() {
        Ed25519.Keys fresh = Ed25519.generate();
        SigningKey key = new SigningKey();
        key.id = fresh.keyId();
        key.publicKey = fresh.x();
        key.privateKey = fresh.pkcs8();
        key.source = SigningKey.Source.GENERATED;
        key.createdAt = now();
        keys.persistAndFlush(key);
        privateKeys.put(key.id, fresh);
        return key;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static Ed25519.Keys parseConfigured(String pem) {
        try {
            return Ed25519.fromPkcs8(pem);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("registry.signing.private-key: " + e.getMessage(), e);
        }
    }
}
