package io.subregistry.security;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/** Staff invitations, found by the hash of their link's token. */
@ApplicationScoped
public class StaffInviteRepository implements PanacheRepositoryBase<StaffInvite, UUID> {

    public Optional<StaffInvite> findByTokenHash(String hash) {
        return find("tokenHash", hash).firstResultOptional();
    }

    /** Earlier invitations of an account stop working when a new one is sent. */
    public int retireOpen(String username, java.time.Instant now) {
        return update("usedAt = ?1 where username = ?2 and usedAt is null", now, username);
    }
}
