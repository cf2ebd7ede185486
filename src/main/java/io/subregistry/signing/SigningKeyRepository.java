package io.subregistry.signing;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The signing keys, oldest first. */
@ApplicationScoped
public class SigningKeyRepository implements PanacheRepositoryBase<SigningKey, String> {

    public List<SigningKey> oldestFirst() {
        return listAll(Sort.by("createdAt").and("id"));
    }

    /** The generated key that signs now, if any. */
    public Optional<SigningKey> activeGenerated() {
        return find("source = ?1 and retiredAt is null", SigningKey.Source.GENERATED).firstResultOptional();
    }

    /**
     * Serialises key changes across instances until the transaction ends, so two instances starting
     * at once (or a rotation racing a first start) never create two keys.
     */
    public void lockForKeyChange() {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('signing_key'))").getSingleResult();
    }

    /** Records a key unless it is known already (the same configured key on every instance and restart). */
    public void insertIfAbsent(String id, String publicKey, String privateKey, SigningKey.Source source, Instant now) {
        getEntityManager().createNativeQuery("""
                        insert into signing_key (id, public_key, private_key, source, created_at)
                        values (?1, ?2, ?3, ?4, ?5) on conflict (id) do nothing""")
                .setParameter(1, id).setParameter(2, publicKey).setParameter(3, privateKey)
                .setParameter(4, source.name()).setParameter(5, now)
                .executeUpdate();
    }

    /** Retires every key that still signs except {@code keepId}; returns how many. */
    public int retireAllExcept(String keepId, Instant now) {
        return update("retiredAt = ?1 where retiredAt is null and id <> ?2", now, keepId);
    }
}
