package io.subregistry.audit;

import java.time.Instant;

/**
 * Which audit lines to read; any part may be null. {@code before} pages by id, {@code since}
 * is inclusive and {@code until} exclusive.
 */
public record AuditQuery(Long before, Instant since, Instant until, String actor, AuditAction action) {
}
