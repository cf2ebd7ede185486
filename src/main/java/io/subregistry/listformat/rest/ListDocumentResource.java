package io.subregistry.listformat.rest;

import io.subregistry.listformat.ListDocumentService;
import io.subregistry.listformat.ListDocumentService.Rendered;
import io.subregistry.platform.RegistryConfig;
import io.subregistry.platform.error.ResourceNotFoundException;
import io.subregistry.registry.version.rest.Moments;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;

/** The list in force in the documented, signed format subprocessor-list/v1. */
@Path(ListDocumentService.PATH)
@PermitAll
@Tag(name = "Published list and history")
public class ListDocumentResource {

    private final ListDocumentService documents;
    private final RegistryConfig config;

    public ListDocumentResource(ListDocumentService documents, RegistryConfig config) {
        this.documents = documents;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The list in force (or ?at= a date or instant) as subprocessor-list/v1: company, version, dates,"
            + " hash, previous hash, signature, sections with every field of every entry, links; schema at"
            + " /schemas/subprocessor-list/v1.json")
    public Response document(@Parameter(description = "a date (the list in force at its end) or an instant")
                             @QueryParam("at") String at,
                             @HeaderParam("If-None-Match") String ifNoneMatch) {
        Rendered document = (at == null || at.isBlank() ? documents.current()
                : documents.inForceAt(Moments.endOf("at", at, config.zone())))
                .orElseThrow(() -> new ResourceNotFoundException(at == null || at.isBlank()
                        ? "no version of the list is in force yet" : "no version of the list was in force at " + at.strip()));
        Response.ResponseBuilder answer = matches(ifNoneMatch, document.etag()) ? Response.notModified()
                : Response.ok(document.body(), MediaType.APPLICATION_JSON);
        return answer.header("ETag", document.etag()).header("Cache-Control", "public, max-age=60").build();
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        return ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .anyMatch(tag -> tag.equals(etag) || tag.equals("W/" + etag) || tag.equals("*"));
    }
}
