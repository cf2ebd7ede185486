package io.subregistry.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.subregistry.platform.csv.CsvWriter;
import io.subregistry.security.AccountEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Records who did what; always inside the transaction of the change it describes. */
@ApplicationScoped
public class AuditLog {

    private final AuditLogRepository repository;
    private final Clock clock;
    private final ObjectMapper json;

    public AuditLog(AuditLogRepository repository, Clock clock, ObjectMapper json) {
        this.repository = repository;
        this.clock = clock;
        this.json = json;
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

    /** Security announces what happened to accounts (in the transaction of the change); this writes it down. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onAccountEvent(@Observes AccountEvent event) {
        record(event.actor(), AuditAction.valueOf(event.kind().name()), event.username(), event.details());
    }

    /** The details of the newest line of an action on a target (what a deletion removed, to undo it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.Optional<Map<String, Object>> latestDetails(AuditAction action, String target) {
        return repository.find("action = ?1 and target = ?2 order by id desc", action.name(), target).firstResultOptional()
                .map(event -> event.details);
    }

    /** Lines newest first, optionally narrowed (any argument may be null); {@code before} pages by id. */
    @Transactional
    public List<AuditLine> newestFirst(Long before, Instant since, String actor, AuditAction action, int limit) {
        return newestFirst(new AuditQuery(before, since, null, actor, action), limit);
    }

    @Transactional
    public List<AuditLine> newestFirst(AuditQuery filter, int limit) {
        return repository.newestFirst(filter, limit).stream().map(AuditLine::of).toList();
    }

    /** The most lines one CSV export holds; narrow the dates for more. */
    public static final int MAX_EXPORT = 100_000;

    /** The lines a filter selects as CSV, newest first; details as JSON. */
    @Transactional
    public String csv(AuditQuery filter) {
        CsvWriter csv = new CsvWriter().row("id", "at", "actor", "action", "target", "details");
        for (AuditLine line : newestFirst(filter, MAX_EXPORT)) {
            csv.row(line.id(), line.at(), line.actor(), line.action(), line.target(), json(line.details()));
        }
        return csv.toString();
    }

    private String json(Map<String, Object> details) {
        try {
            return details == null ? "{}" : json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            return String.valueOf(details);
        }
    }
}
