package io.subregistry.notice.objection;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An objection as staff see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectionView(UUID id, int version, String email, String organisation, List<Objected> subprocessors,
                            String reason, Instant receivedAt, Objection.Outcome outcome, String resolutionNote,
                            String resolvedBy, Instant resolvedAt) {

    /** One objected sub-processor, with its name as the version lists it. */
    public record Objected(UUID id, String name) {
    }
}
