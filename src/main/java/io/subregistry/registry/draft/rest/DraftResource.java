package io.subregistry.registry.draft.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.subregistry.diff.Diff;
import io.subregistry.importer.ImportFormat;
import io.subregistry.importer.ImportService;
import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.platform.error.ResourceNotFoundException;
import io.subregistry.registry.draft.DraftService;
import io.subregistry.registry.draft.DraftView;
import io.subregistry.registry.draft.DraftView.EntryView;
import io.subregistry.registry.draft.DraftView.SectionView;
import io.subregistry.registry.draft.ImportedDraft;
import io.subregistry.registry.draft.Revisions;
import io.subregistry.registry.draft.Revisions.Precondition;
import io.subregistry.registry.draft.SectionChanges;
import io.subregistry.registry.draft.SectionInput;
import io.subregistry.registry.draft.SubprocessorInput;
import io.subregistry.registry.version.DraftPreview;
import io.subregistry.registry.version.EffectiveAt;
import io.subregistry.registry.version.PublishCommand;
import io.subregistry.registry.version.PublishService;
import io.subregistry.registry.version.Version;
import io.subregistry.registry.version.VersionQueries;
import io.subregistry.registry.version.rest.DiffResponse;
import io.subregistry.registry.version.rest.VersionSummaryResponse;
import io.subregistry.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

/** The draft legal staff edit, preview and publish. */
@Path("/api/v1/draft")
@RolesAllowed(Roles.LEGAL)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Draft (legal)")
public class DraftResource {

    private final DraftService draft;
    private final ImportService importer;
    private final PublishService publisher;
    private final VersionQueries versions;
    private final SecurityIdentity identity;

    public DraftResource(DraftService draft, ImportService importer, PublishService publisher, VersionQueries versions,
                         SecurityIdentity identity) {
        this.draft = draft;
        this.importer = importer;
        this.publisher = publisher;
        this.versions = versions;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The whole draft; its ETag guards publishes and edits")
    public Response get() {
        DraftView view = draft.view();
        return Response.ok(view).header(HttpHeaders.ETAG, view.etag()).build();
    }

    @GET
    @Path("diff")
    @Operation(summary = "What publishing now would change, compared with the latest version",
            description = "The ETag is the draft revision this diff was computed from (read together with it):"
                    + " send it as If-Match to publish exactly this diff.")
    public Response diff() {
        DraftPreview preview = publisher.preview();
        Diff diff = preview.diff();
        return Response.ok(new DiffResponse(preview.latestVersion(), null, diff.counts(), diff.changes()))
                .header(HttpHeaders.ETAG, Revisions.ofDraft(preview.draftRevision())).build();
    }

    // ------------------------------------------------------------------ sub-processors

    @POST
    @Path("subprocessors")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a sub-processor to a section of the draft")
    public Response add(@NotNull @Valid SubprocessorInput input) {
        EntryView entry = draft.add(input, actor());
        return Response.created(URI.create("/api/v1/draft/subprocessors/" + entry.id()))
                .header(HttpHeaders.ETAG, entry.etag()).entity(entry).build();
    }

    @GET
    @Path("subprocessors/{id}")
    @Operation(summary = "One sub-processor of the draft, with its ETag")
    public Response entry(@PathParam("id") UUID id) {
        EntryView entry = draft.entry(id).orElseThrow(() -> new ResourceNotFoundException("the draft has no sub-processor " + id));
        return Response.ok(entry).header(HttpHeaders.ETAG, entry.etag()).build();
    }

    @PUT
    @Path("subprocessors/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a sub-processor's fields or move it to another section (If-Match required)")
    public Response update(@PathParam("id") UUID id, @NotNull @Valid SubprocessorInput input,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        EntryView entry = draft.update(id, input, Precondition.parse(ifMatch), actor());
        return Response.ok(entry).header(HttpHeaders.ETAG, entry.etag()).build();
    }

    @DELETE
    @Path("subprocessors/{id}")
    @Operation(summary = "Remove a sub-processor from the draft (If-Match required)")
    public Response remove(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        draft.remove(id, Precondition.parse(ifMatch), actor());
        return Response.noContent().build();
    }

    // ------------------------------------------------------------------ sections

    @POST
    @Path("sections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a section")
    public Response addSection(@NotNull @Valid SectionInput input) {
        SectionView section = draft.addSection(input, actor());
        return Response.created(URI.create("/api/v1/draft/sections/" + section.key()))
                .header(HttpHeaders.ETAG, Revisions.ofSection(section.revision())).entity(section).build();
    }

    @GET
    @Path("sections/{key}")
    @Operation(summary = "One section of the draft, with its ETag")
    public Response section(@PathParam("key") String key) {
        SectionView section = draft.section(key)
                .orElseThrow(() -> new ResourceNotFoundException("the draft has no section '" + key + "'"));
        return Response.ok(section).header(HttpHeaders.ETAG, Revisions.ofSection(section.revision())).build();
    }

    @PUT
    @Path("sections/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a section's title, description, note or position (If-Match required)")
    public Response updateSection(@PathParam("key") String key, @NotNull @Valid SectionChanges changes,
                                  @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        SectionView section = draft.updateSection(key, changes, Precondition.parse(ifMatch), actor());
        return Response.ok(section).header(HttpHeaders.ETAG, Revisions.ofSection(section.revision())).build();
    }

    @DELETE
    @Path("sections/{key}")
    @Operation(summary = "Delete an empty section (If-Match required)")
    public Response removeSection(@PathParam("key") String key, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        draft.removeSection(key, Precondition.parse(ifMatch), actor());
        return Response.noContent().build();
    }

    // ------------------------------------------------------------------ import and publish

    @POST
    @Path("import")
    @Consumes({MediaType.APPLICATION_JSON, "text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Load a JSON, CSV or page-text file into the draft, all or nothing",
            description = "The format follows Content-Type (application/json, text/csv, text/plain for page text) unless"
                    + " ?format=json|csv|page says otherwise. mode=replace (default) makes the draft equal to the file;"
                    + " mode=merge only adds and updates.")
    public ImportedDraft.Result importFile(String content, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                           @QueryParam("format") String format,
                                           @QueryParam("mode") @DefaultValue("replace") String mode) {
        return importer.importFile(content == null ? "" : content, formatOf(format, contentType), modeOf(mode), actor());
    }

    @POST
    @Path("publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish the draft as the next version; If-Match with the ETag of the diff you reviewed is required",
            description = "Without If-Match (or with *): 428. With an ETag that is not the draft's current one: 412,"
                    + " so that nothing is published that was not reviewed. Get the ETag from GET /api/v1/draft/diff.")
    public Response publish(@NotNull @Valid PublishRequest request, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PublishCommand command = new PublishCommand(EffectiveAt.parse(request.effectiveAt()), request.summary().strip(),
                request.emergencyReason(), request.noticePeriodDays(), Precondition.parse(ifMatch));
        Version version = publisher.publish(command, actor());
        var header = versions.require(version.number);
        return Response.created(URI.create("/api/v1/versions/" + version.number))
                .entity(VersionSummaryResponse.of(header, versions.status(header), versions.counts(version.number)))
                .build();
    }

    private static ImportFormat formatOf(String format, String contentType) {
        if (format != null && !format.isBlank()) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "json" -> ImportFormat.JSON;
                case "csv" -> ImportFormat.CSV;
                case "page", "text" -> ImportFormat.PAGE;
                default -> throw new InvalidInputException("format must be json, csv or page, not '" + abbreviate(format) + "'");
            };
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/csv")) {
            return ImportFormat.CSV;
        }
        if (type.startsWith("text/plain")) {
            return ImportFormat.PAGE;
        }
        return ImportFormat.JSON;
    }

    private static ImportedDraft.Mode modeOf(String mode) {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "replace" -> ImportedDraft.Mode.REPLACE;
            case "merge" -> ImportedDraft.Mode.MERGE;
            default -> throw new InvalidInputException("mode must be replace or merge, not '" + abbreviate(mode) + "'");
        };
    }

    private static String abbreviate(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
