package io.subregistry.signing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.subregistry.registry.version.VersionPublished;
import io.subregistry.registry.version.VersionSignature;
import io.subregistry.registry.version.VersionSignatures;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Signs every version: in its publishing transaction (so no version is published unsigned), and
 * at start those published before signing existed. Signatures never change, so reads are cached.
 */
@ApplicationScoped
public class VersionSigner implements VersionSignatures {

    static final String CACHE = "version-signatures";

    private static final Logger LOG = Logger.getLogger(VersionSigner.class);

    private final SigningKeys keys;
    private final SignatureRepository signatures;
    private final Clock clock;
    private final Timer signing;
    private final CaffeineCache cache;

    public VersionSigner(SigningKeys keys, SignatureRepository signatures, Clock clock, MeterRegistry metrics,
                         @CacheName(CACHE) Cache cache) {
        this.keys = keys;
        this.cache = cache.as(CaffeineCache.class);
        this.signatures = signatures;
        this.clock = clock;
        // What signing adds to a publish (key lookup, Ed25519, the insert): bench/signing.sh reads it.
        this.signing = Timer.builder("registry.signing").description("Signing one version, inside its publish")
                .register(metrics);
    }

    /** Runs inside the publish transaction (VersionPublished is fired there): a failure here rolls the publish back. */
    void onPublished(@Observes VersionPublished event) {
        // What the publish wrote so far goes to the database now rather than at commit, so that
        // the timer measures what signing adds, not the publish's own pending inserts.
        signatures.flush();
        sign(event.version().number(), event.version().effectiveAt(), event.version().hash());
    }

    /** Records the signing key, then signs what is still unsigned (a database from before signing). */
    void onStart(@Observes @Priority(15) StartupEvent event) {
        String keyId = keys.register();
        int signed = signUnsigned();
        if (signed > 0) {
            LOG.infof("Signed %d version(s) published before signing existed, with key %s", signed, keyId);
        }
    }

    /** Signs the versions without a signature; safe when several instances start at once. */
    @Transactional
    public int signUnsigned() {
        int signed = 0;
        for (SignatureRepository.Unsigned version : signatures.unsigned()) {
            if (sign(version.number(), version.effectiveAt(), version.hash())) {
                signed++;
            }
        }
        return signed;
    }

    private boolean sign(int number, Instant effectiveAt, String hash) {
        return signing.record(() -> signNow(number, effectiveAt, hash));
    }

    private boolean signNow(int number, Instant effectiveAt, String hash) {
        String message = SignedMessage.of(number, effectiveAt, hash);
        for (int attempt = 1; ; attempt++) {
            Ed25519.Keys key = keys.current();
            String value = Ed25519.sign(key.privateKey(), message);
            if (signatures.insertIfAbsent(number, key.keyId(), value, Instant.now(clock), !keys.isConfigured())) {
                return true;
            }
            if (signatures.isSigned(number)) {
                return false;
            }
            if (attempt > 1) {
                throw new IllegalStateException("version " + number + " could not be signed: key " + key.keyId()
                        + " was retired as it was read");
            }
            keys.forgetActive();
        }
    }

    /** A version's signature, if it has one yet; only signatures are cached (they never change), not their absence. */
    @Override
    public Optional<VersionSignature> of(int number) {
        CompletableFuture<Object> cached = cache.getIfPresent(number);
        if (cached != null && cached.isDone() && !cached.isCompletedExceptionally()) {
            return Optional.of((VersionSignature) cached.join());
        }
        Optional<VersionSignature> stored = QuarkusTransaction.joiningExisting()
                .call(() -> signatures.findByIdOptional(number).map(StoredSignature::view));
        stored.ifPresent(signature -> cache.put(number, CompletableFuture.completedFuture(signature)));
        return stored;
    }
}
