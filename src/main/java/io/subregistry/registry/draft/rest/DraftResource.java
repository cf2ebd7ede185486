package io.subregistry.registry.draft.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.subregistry.diff.Diff;
import io.subregistry.platform.Precondition;
import io.subregistry.platform.error.ResourceNotFoundException;
import io.subregistry.registry.draft.DraftService;
import io.subregistry.registry.draft.DraftView;
import io.subregistry.registry.draft.DraftView.EntryView;
import io.subregistry.registry.draft.DraftView.SectionView;
import io.subregistry.registry.draft.Revisions;
import io.subregistry.registry.draft.SectionChanges;
import io.subregistry.registry.draft.SectionInput;
import io.subregistry.registry.draft.SubprocessorInput;
import io.subregistry.registry.version.DraftPreview;
import io.subregistry.registry.version.PublishService;
import io.subregistry.registry.version.rest.DiffResponse;
import io.subregistry.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/** The draft legal staff edit and preview (its import and publish have their own resources). */
@Path("/api/v1/draft")
@RolesAllowed(Roles.LEGAL)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Draft (legal)")
public class DraftResource {

    private final DraftService draft;
    private final PublishService publisher;
    private final SecurityIdentity identity;

    public DraftResource(DraftService draft, PublishService publisher, SecurityIdentity identity) {
        this.draft = draft;
        this.publisher = publisher;
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

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
