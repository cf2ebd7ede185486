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

    /**
     * Every entry as a plain record, by section id, without loading entities: a 10,000-entry
     * publish would otherwise make Hibernate track (and dirty-check at commit) 10,000 objects.
     */
    public Map<UUID, List<Subprocessor>> snapshotBySection() {
        Map<UUID, List<Subprocessor>> bySection = new HashMap<>();
        List<Object[]> rows = getEntityManager().createQuery("""
                        select e.sectionId, e.id, e.name, e.legalAddress, e.location, e.processingActivity, e.website,
                               e.dataCategories, e.transferMechanism, e.dpaUrl from DraftSubprocessor e""", Object[].class)
                .getResultList();
        for (Object[] row : rows) {
            bySection.computeIfAbsent((UUID) row[0], key -> new ArrayList<>()).add(
                    new Subprocessor((UUID) row[1], (String) row[2], (String) row[3],
                            (String) row[4], (String) row[5], (String) row[6], (String) row[7], (String) row[8],
                            (String) row[9]));
        }
        return bySection;
    }
}
