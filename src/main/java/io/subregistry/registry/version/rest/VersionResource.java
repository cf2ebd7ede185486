package io.subregistry.registry.version.rest;

import io.subregistry.platform.MediaNegotiation;
import io.subregistry.platform.error.ConflictException;
import io.subregistry.registry.version.PublishedListService;
import io.subregistry.registry.version.ChainVerifier;
import io.subregistry.registry.version.ContractedNotice;
import io.subregistry.registry.version.VersionHeader;
import io.subregistry.registry.version.VersionQueries;
import io.subregistry.security.Roles;
import io.subregistry.registry.version.VersionSignatures;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Published versions: immutable snapshots chained by hash. */
@Path("/api/v1/versions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Published list and history")
public class VersionResource {

    private final VersionQueries versions;
    private final ChainVerifier verifier;
    private final PublishedListService lists;
    private final VersionSignatures signatures;
    private final ContractedNotice contracts;

    public VersionResource(VersionQueries versions, ChainVerifier verifier, PublishedListService lists,
                           VersionSignatures signatures, ContractedNotice contracts) {
        this.contracts = contracts;
        this.versions = versions;
        this.verifier = verifier;
        this.lists = lists;
        this.signatures = signatures;
    }

    @GET
    @PermitAll
    @Operation(summary = "Every published version, oldest first, with its status and change counts")
    public List<VersionSummaryResponse> list() {
        return versions.all().stream()
                .map(header -> VersionSummaryResponse.of(header, versions.status(header), versions.counts(header.number()),
                        signatures.of(header.number()).orElse(null)))
                .toList();
    }

    @GET
    @Path("{number}")
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "One version: metadata, hash link and the full snapshot; `text/csv` (or ?format=csv) lists its"
            + " sub-processors as the public list's CSV does")
    public Response get(@PathParam("number") int number, @QueryParam("format") String format, @Context HttpHeaders headers) {
        VersionHeader header = versions.require(number);
        MediaType csv = MediaType.valueOf("text/csv");
        if (MediaNegotiation.choose(headers, format, MediaType.APPLICATION_JSON_TYPE, csv).equals(csv)) {
            return Response.ok(lists.versionCsv(number), "text/csv; charset=UTF-8").build();
        }
        return Response.ok(VersionResponse.of(header, versions.status(header), versions.counts(number),
                signatures.of(number).orElse(null), contracts.breachesOf(number), versions.snapshot(number)), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("{number}/changes")
    @PermitAll
    @Operation(summary = "The change events computed when the version was published")
    public List<ChangeResponse> changes(@PathParam("number") int number) {
        return versions.changesOf(number).stream().map(ChangeResponse::of).toList();
    }

    @GET
    @Path("verify")
    @RolesAllowed({Roles.AUDITOR, Roles.LEGAL, Roles.ADMIN})
    @Tag(name = "Audit")
    @Operation(summary = "Recompute the hash chain from the database, verify every version's signature, and report the first broken"
            + " link or bad signature, if any")
    public ChainVerifier.Report verify() {
        return verifier.verify();
    }

    @PUT
    @Path("{number}")
    @RolesAllowed({Roles.LEGAL, Roles.ADMIN})
    @Operation(summary = "Refused: published versions never change (409)")
    public void replace(@PathParam("number") int number) {
        throw immutable(number);
    }

    @PATCH
    @Path("{number}")
    @RolesAllowed({Roles.LEGAL, Roles.ADMIN})
    @Operation(summary = "Refused: published versions never change (409)")
    public void patch(@PathParam("number") int number) {
        throw immutable(number);
    }

    @DELETE
    @Path("{number}")
    @RolesAllowed({Roles.LEGAL, Roles.ADMIN})
    @Operation(summary = "Refused: published versions never change (409)")
    public void delete(@PathParam("number") int number) {
        throw immutable(number);
    }

    private ConflictException immutable(int number) {
        versions.require(number);
        return new ConflictException("version " + number + " is published and can never change;"
                + " edit the draft and publish a new version instead");
    }
}
