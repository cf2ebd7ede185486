package io.subregistry.registry.draft;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DraftSubprocessorRepository implements PanacheRepositoryBase<DraftSubprocessor, UUID> {

    public Optional<DraftSubprocessor> findNamedIn(UUID sectionId, String name) {
        return find("sectionId = ?1 and lower(name) = lower(?2)", sectionId, name).firstResultOptional();
    }

    public long countIn(UUID sectionId) {
        return count("sectionId", sectionId);
    }

    public List<DraftSubprocessor> all() {
        return listAll();
    }
}
