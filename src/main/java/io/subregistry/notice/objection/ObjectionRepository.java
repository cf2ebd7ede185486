package io.subregistry.notice.objection;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ObjectionRepository implements PanacheRepositoryBase<Objection, UUID> {

    public Optional<Objection> of(UUID subscriber, int version) {
        return find("subscriberId = ?1 and versionNumber = ?2", subscriber, version).firstResultOptional();
    }

    /** The objection of a subscriber, or of any contact of the same customer: one per customer and version. */
    public Optional<Objection> ofSubscriberOrCustomer(UUID subscriber, UUID customer, int version) {
        if (customer == null) {
            return of(subscriber, version);
        }
        return find("(subscriberId = ?1 or customerId = ?2) and versionNumber = ?3 order by receivedAt", subscriber, customer, version)
                .firstResultOptional();
    }

    public List<Objection> ofCustomer(UUID customer) {
        return list("customerId = ?1 order by versionNumber, receivedAt", customer);
    }

    public List<Objection> ofVersion(int version) {
        return list("versionNumber = ?1 order by receivedAt", version);
    }
}
