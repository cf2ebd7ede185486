package io.subregistry.notice;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SubscriberRepository implements PanacheRepositoryBase<Subscriber, UUID> {

    public Optional<Subscriber> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResultOptional();
    }

    public Optional<Subscriber> findByConfirmToken(String tokenHash) {
        return find("confirmTokenHash", tokenHash).firstResultOptional();
    }

    public Optional<Subscriber> findByManageToken(String tokenHash) {
        return find("manageTokenHash", tokenHash).firstResultOptional();
    }

    public long countConfirmed() {
        return count("status", Subscriber.Status.CONFIRMED);
    }
}
