package io.subregistry.registry.draft;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DraftSectionRepository implements PanacheRepositoryBase<DraftSection, UUID> {

    public List<DraftSection> inPageOrder() {
        return listAll(Sort.by("displayOrder").and("sectionKey"));
    }

    public Optional<DraftSection> findByKey(String key) {
        return find("sectionKey", key).firstResultOptional();
    }
}
