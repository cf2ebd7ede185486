package io.subregistry.registry;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Comparator;
import java.util.UUID;

/**
 * One sub-processor as it stands in a snapshot. The id is stable: it survives renames and
 * moves between sections, which is what lets a diff tell a rename from a removal + addition.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Subprocessor(
        UUID id,
        String name,
        String legalAddress,
        String location,
        String processingActivity,
        String website,
        String dataCategories,
        String transferMechanism,
        String dpaUrl) {

    /** The order of the published page: by name, case-insensitively; the id breaks ties. */
    public static final Comparator<Subprocessor> PAGE_ORDER = Comparator
            .comparing(Subprocessor::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Subprocessor::name)
            .thenComparing(Subprocessor::id);
}
