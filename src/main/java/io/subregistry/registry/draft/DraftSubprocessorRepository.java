package io.subregistry.registry.draft;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.subregistry.registry.Subprocessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** An entry's fields and its section, read without an entity. */
    public record SnapshotRow(UUID sectionId, UUID id, String name, String legalAddress, String location,
                              String processingActivity, String website, String dataCategories,
                              String transferMechanism, String dpaUrl) {

        Subprocessor toSubprocessor() {
            return new Subprocessor(id, name, legalAddress, location, processingActivity, website, dataCategories,
                    transferMechanism, dpaUrl);
        }
    }

    /**
     * Every entry as a plain record, by section id, without loading entities: a 10,000-entry
     * publish would otherwise make Hibernate track (and dirty-check at commit) 10,000 objects.
     */
    public Map<UUID, List<Subprocessor>> snapshotBySection() {
        Map<UUID, List<Subprocessor>> bySection = new HashMap<>();
        getEntityManager().createQuery("""
                        select e.sectionId, e.id, e.name, e.legalAddress, e.location, e.processingActivity, e.website,
                               e.dataCategories, e.transferMechanism, e.dpaUrl from DraftSubprocessor e""", SnapshotRow.class)
                .getResultList()
                .forEach(row -> bySection.computeIfAbsent(row.sectionId(), key -> new ArrayList<>()).add(row.toSubprocessor()));
        return bySection;
    }
}
