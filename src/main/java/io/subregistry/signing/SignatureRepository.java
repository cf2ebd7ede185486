package io.subregistry.signing;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Versions' signatures. */
@ApplicationScoped
public class SignatureRepository implements PanacheRepositoryBase<StoredSignature, Integer> {

    /** A version still to be signed: what the message needs. */
    public record Unsigned(int number, Instant effectiveAt, String hash) {
    }

    /**
     * Inserts a signature unless the version is signed already (by another instance starting at the
     * same time) or, with {@code keyMustBeActive}, the key has been retired since it was read.
     * false when nothing was inserted.
     */
    public boolean insertIfAbsent(int number, String keyId, String value, Instant now, boolean keyMustBeActive) {
        return getEntityManager().createNativeQuery("""
                        insert into version_signature (version_number, key_id, value, signed_at)
                        select ?1, ?2, ?3, ?4
                         where not ?5 or exists (select 1 from signing_key where id = ?2 and retired_at is null)
                        on conflict (version_number) do nothing""")
                .setParameter(1, number).setParameter(2, keyId).setParameter(3, value).setParameter(4, now)
                .setParameter(5, keyMustBeActive)
                .executeUpdate() == 1;
    }

    public boolean isSigned(int number) {
        return getEntityManager().createNativeQuery("select count(*) from version_signature where version_number = ?1")
                .setParameter(1, number).getSingleResult() instanceof Number count && count.longValue() > 0;
    }

    /** Versions published before signing existed, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Unsigned> unsigned() {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select v.number, v.effective_at, v.hash from version v
                         where not exists (select 1 from version_signature s where s.version_number = v.number)
                         order by v.number""")
                .getResultList();
        return rows.stream().map(row -> new Unsigned(((Number) row[0]).intValue(), instant(row[1]), (String) row[2]))
                .toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
