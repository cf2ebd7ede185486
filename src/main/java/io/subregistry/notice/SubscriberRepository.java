package io.subregistry.notice;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SubscriberRepository implements PanacheRepositoryBase<Subscriber, UUID> {

    public Optional<Subscriber> findByEmail(String email) {
        return find("customerId is null and lower(email) = lower(?1)", email).firstResultOptional();
    }

    /** The subscriber of an address, locked for the rest of the transaction. */
    public Optional<Subscriber> lockByEmail(String email) {
        return find("customerId is null and lower(email) = lower(?1)", email).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * Inserts a pending subscriber unless the address (in any case) is already known; returns
     * whether it did. A concurrent insert of the same address makes this one wait for it and
     * then do nothing, rather than fail.
     */
    public boolean insertPendingIfNew(UUID id, String email, Instant now, UUID manageNonce, String manageTokenHash) {
        return getEntityManager().createNativeQuery("""
                        insert into subscriber (id, email, status, created_at, manage_nonce, manage_token_hash)
                        values (?1, ?2, 'PENDING', ?3, ?4, ?5)
                        on conflict ((lower(email))) where customer_id is null do nothing""")
                .setParameter(1, id).setParameter(2, email).setParameter(3, now).setParameter(4, manageNonce)
                .setParameter(5, manageTokenHash).executeUpdate() == 1;
    }

    /** The contacts of a customer, live or not, in the order they were added. */
    public java.util.List<Subscriber> contactsOf(UUID customer) {
        return list("customerId = ?1 order by createdAt, email", customer);
    }

    public Optional<Subscriber> findByConfirmToken(String tokenHash) {
        return find("confirmTokenHash", tokenHash).firstResultOptional();
    }

    public Optional<Subscriber> findByManageToken(String tokenHash) {
        return find("manageTokenHash", tokenHash).firstResultOptional();
    }
}
