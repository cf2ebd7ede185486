package io.subregistry.diff;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.subregistry.registry.Subprocessor;

import java.util.List;
import java.util.UUID;

/**
 * One change between two snapshots.
 *
 * @param subprocessorId null for section changes
 * @param name           the sub-processor's name (its new one if renamed), or the section's title
 * @param section        the section key the entry is in after the change (before it, for REMOVED)
 * @param fromSection    for MOVED, the section it left
 * @param fields         field-level before/after, for MODIFIED and SECTION_MODIFIED
 * @param entry          every field of the sub-processor: as it is after the change, or as it was for REMOVED
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Change(
        ChangeType type,
        UUID subprocessorId,
        String name,
        String section,
        String fromSection,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldChange> fields,
        Subprocessor entry) {

    public Change {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
