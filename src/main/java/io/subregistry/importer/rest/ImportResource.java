package io.subregistry.importer.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.subregistry.importer.ImportFormat;
import io.subregistry.importer.ImportService;
import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.registry.draft.ImportedDraft;
import io.subregistry.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;

/** Loading a file into the draft. */
@Path("/api/v1/draft/import")
@RolesAllowed(Roles.LEGAL)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Draft (legal)")
public class ImportResource {

    private final ImportService importer;
    private final SecurityIdentity identity;

    public ImportResource(ImportService importer, SecurityIdentity identity) {
        this.importer = importer;
        this.identity = identity;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, "text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Load a JSON, CSV or page-text file into the draft, all or nothing",
            description = "The format follows Content-Type (application/json, text/csv, text/plain for page text) unless"
                    + " ?format=json|csv|page says otherwise. mode=replace (default) makes the draft equal to the file;"
                    + " mode=merge only adds and updates.")
    public ImportedDraft.Result importFile(String content, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                           @QueryParam("format") String format,
                                           @QueryParam("mode") @DefaultValue("replace") String mode) {
        return importer.importFile(content == null ? "" : content, formatOf(format, contentType), modeOf(mode),
                identity.getPrincipal().getName());
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
}
