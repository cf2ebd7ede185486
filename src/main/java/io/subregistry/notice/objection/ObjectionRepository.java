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

    public List<Objection> ofVersion(int version) {
        return list("versionNumber = ?1 order by receivedAt", version);
    }
}
