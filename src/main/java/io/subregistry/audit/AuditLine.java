package io.subregistry.audit;

import java.time.Instant;
import java.util.Map;

/** One audit line as readers see it. */
public record AuditLine(long id, Instant at, String actor, String action, String target, Map<String, Object> details) {

    static AuditLine of(AuditEvent event) {
        return new AuditLine(event.id, event.at, event.actor, event.action, event.target, event.details);
    }
}
