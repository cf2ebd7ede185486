package io.subregistry.registry.version.rest;

import io.subregistry.platform.RegistryConfig;
import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.registry.version.VersionQueries;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/** Change events across versions, for clients that poll for what is new. */
@Path("/api/v1/changes")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public")
public class ChangesResource {

    static final int MAX_LIMIT = 10_000;

    private final VersionQueries versions;
    private final RegistryConfig config;

    public ChangesResource(VersionQueries versions, RegistryConfig config) {
        this.versions = versions;
        this.config = config;
    }

    /** A page of change events; {@code nextAfter} continues where this page ends. */
    public record ChangesPage(List<ChangeResponse> changes, Long nextAfter) {
    }

    @GET
    @Operation(summary = "Change events of versions published since a date or instant, oldest first, paged by event id")
    public ChangesPage changes(@QueryParam("since") String since,
                               @QueryParam("after") @DefaultValue("0") long after,
                               @QueryParam("limit") @DefaultValue("1000") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit must be between 1 and " + MAX_LIMIT);
        }
        Instant from = since == null || since.isBlank() ? Instant.EPOCH : Moments.startOf("since", since, config.zone());
        List<ChangeResponse> page = versions.changesSince(from, after, limit).stream().map(ChangeResponse::of).toList();
        Long next = page.size() == limit ? page.get(page.size() - 1).id() : null;
        return new ChangesPage(page, next);
    }
}
