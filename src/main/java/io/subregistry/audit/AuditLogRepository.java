package io.subregistry.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class AuditLogRepository implements PanacheRepository<AuditEvent> {

    /** Newest first, optionally narrowed; {@code before} pages through older lines by id. */
    public List<AuditEvent> newestFirst(AuditQuery filter, int limit) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.before() != null) {
            conditions.add("id < :before");
            parameters.and("before", filter.before());
        }
        if (filter.since() != null) {
            conditions.add("at >= :since");
            parameters.and("since", filter.since());
        }
        if (filter.until() != null) {
            conditions.add("at < :until");
            parameters.and("until", filter.until());
        }
        if (filter.actor() != null) {
            conditions.add("actor = :actor");
            parameters.and("actor", filter.actor());
        }
        if (filter.action() != null) {
            conditions.add("action = :action");
            parameters.and("action", filter.action().name());
        }
        String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        return find(where + " order by id desc", parameters).page(0, limit).list();
    }

}
