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

    /** false when the version was signed already (by another instance starting at the same time). */
    public boolean insertIfAbsent(int number, String keyId, String value, Instant now) {
        return getEntityManager().createNativeQuery("""
                        insert into version_signature (version_number, key_id, value, signed_at)
                        values (?1, ?2, ?3, ?4) on conflict (version_number) do nothing""")
                .setParameter(1, number).setParameter(2, keyId).setParameter(3, value).setParameter(4, now)
                .executeUpdate() == 1;
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
