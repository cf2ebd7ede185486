package io.subregistry.registry.version.rest;

import io.subregistry.registry.version.VersionQueries;
import io.subregistry.registry.version.VersionSignatures;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Versions published but not yet in force: what customers are being given notice of. */
@Path("/api/v1/upcoming")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Published list and history")
public class UpcomingResource {

    private final VersionQueries versions;
    private final VersionSignatures signatures;

    public UpcomingResource(VersionQueries versions, VersionSignatures signatures) {
        this.versions = versions;
        this.signatures = signatures;
    }

    /** An upcoming version and the changes it brings. */
    public record UpcomingVersion(VersionSummaryResponse version, List<ChangeResponse> changes) {
    }

    @GET
    @Operation(summary = "Published versions whose effective date is still ahead, with their changes")
    public List<UpcomingVersion> upcoming() {
        return versions.upcoming().stream()
                .map(header -> new UpcomingVersion(
                        VersionSummaryResponse.of(header, versions.status(header), versions.counts(header.number()),
                                signatures.of(header.number()).orElse(null)),
                        versions.changesOf(header.number()).stream().map(ChangeResponse::of).toList()))
                .toList();
    }
}
