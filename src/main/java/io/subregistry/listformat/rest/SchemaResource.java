package io.subregistry.listformat.rest;

import io.subregistry.platform.error.ResourceNotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of the published formats, files under src/main/resources/schemas served as
 * they are, with the schema media type (a static file would go out as plain application/json).
 */
@Path("/schemas")
@PermitAll
@Tag(name = "Published list and history")
public class SchemaResource {

    public static final String SCHEMA_JSON = "application/schema+json";
    static final Set<String> NAMES = Set.of("subprocessor-list", "upcoming", "webhook-event");

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    @GET
    @Path("{name}/v1.json")
    @Produces(SCHEMA_JSON)
    @Operation(summary = "JSON Schema (draft 2020-12) of a format: subprocessor-list (/.well-known/subprocessors.json),"
            + " upcoming (GET /api/v1/upcoming), webhook-event (every webhook payload)")
    public Response schema(@PathParam("name") String name) {
        if (!NAMES.contains(name)) {
            throw new ResourceNotFoundException("there is no such schema; there are "
                    + String.join(", ", NAMES.stream().sorted().map(known -> "/schemas/" + known + "/v1.json").toList()));
        }
        return Response.ok(files.computeIfAbsent(name, SchemaResource::read), SCHEMA_JSON)
                .header("Cache-Control", "public, max-age=3600").build();
    }

    public static byte[] read(String name) {
        try (InputStream in = SchemaResource.class.getResourceAsStream("/schemas/" + name + "/v1.json")) {
            if (in == null) {
                throw new IllegalStateException("schema " + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
