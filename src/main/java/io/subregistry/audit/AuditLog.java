package io.subregistry.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Records who did what; always inside the transaction of the change it describes. */
@ApplicationScoped
public class AuditLog {

    private final AuditLogRepository repository;
    private final Clock clock;

    public AuditLog(AuditLogRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, AuditAction action, String target, Map<String, Object> details) {
        AuditEvent event = new AuditEvent();
        event.at = Instant.now(clock);
        event.actor = actor;
        event.action = action.name();
        event.target = target;
        event.details = details;
        repository.persist(event);
    }
}
