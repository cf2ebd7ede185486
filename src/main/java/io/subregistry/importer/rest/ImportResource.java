package io.subregistry.importer.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.subregistry.importer.ImportFormat;
import io.subregistry.importer.ImportService;
import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.platform.Precondition;
import io.subregistry.registry.draft.ImportPreview;
import io.subregistry.registry.draft.ImportedDraft;
import io.subregistry.registry.draft.Revisions;
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
import jakarta.ws.rs.core.Response;
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
    @Operation(summary = "Load a JSON, CSV or page-text file into the draft, all or nothing; or preview it with dryRun=true",
            description = "The format follows Content-Type (application/json, text/csv, text/plain for page text) unless"
                    + " ?format=json|csv|page says otherwise. mode=replace (default) makes the draft equal to the file;"
                    + " mode=merge adds and updates, never undoing draft work: a row identical to the latest published"
                    + " version's row leaves the draft's row as it is, rows absent from the file stay untouched."
                    + " dryRun=true changes nothing and answers what the import would do (added, changed, removed,"
                    + " unchanged and the changes), with the ETag of the draft revision it was computed from; send that"
                    + " as If-Match to apply exactly this preview (412 when the draft changed since).")
    public Response importFile(String content, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                               @QueryParam("format") String format,
                               @QueryParam("mode") @DefaultValue("replace") String mode,
                               @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        String file = content == null ? "" : content;
        String actor = identity.getPrincipal().getName();
        if (dryRun) {
            ImportPreview preview = importer.preview(file, formatOf(format, contentType), modeOf(mode), actor);
            return Response.ok(preview).header(HttpHeaders.ETAG, preview.etag()).build();
        }
        ImportedDraft.Result result = importer.importFile(file, formatOf(format, contentType), modeOf(mode), actor,
                Precondition.parse(ifMatch));
        return Response.ok(result).header(HttpHeaders.ETAG, Revisions.ofDraft(result.revision())).build();
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
