package io.subregistry.registry.version.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.subregistry.diff.ChangeType;
import io.subregistry.diff.FieldChange;
import io.subregistry.registry.Subprocessor;
import io.subregistry.registry.version.RecordedChange;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A change event of a published version. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeResponse(long id, int version, Instant publishedAt, Instant effectiveAt, ChangeType type,
                             UUID subprocessorId, String name, String section, String fromSection,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldChange> fields, Subprocessor entry) {

    public static ChangeResponse of(RecordedChange recorded) {
        var change = recorded.change();
        return new ChangeResponse(recorded.id(), recorded.version(), recorded.publishedAt(), recorded.effectiveAt(),
                change.type(), change.subprocessorId(), change.name(), change.section(), change.fromSection(),
                change.fields(), change.entry());
    }
}
