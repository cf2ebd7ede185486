package io.subregistry.registry.version;

import io.subregistry.diff.Change;

import java.time.Instant;

/** A change event as stored at publish: which version it belongs to and when that version takes effect. */
public record RecordedChange(long id, int version, int sequence, Instant publishedAt, Instant effectiveAt, Change change) {
}
