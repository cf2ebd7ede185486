package io.subregistry.platform.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The entry point of the API: where everything is. */
@Path("/api/v1")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Published list and history")
public class ApiIndexResource {

    private static final Map<String, String> LINKS = links();

    public record ApiIndex(String name, Map<String, String> links) {
    }

    private static final ApiIndex INDEX = new ApiIndex("Sub-processor Registry API v1", LINKS);

    @GET
    @Operation(summary = "Links to the API's resources and its OpenAPI document")
    public ApiIndex index() {
        return INDEX;
    }

    private static Map<String, String> links() {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("subprocessors", "/api/v1/subprocessors");
        links.put("upcoming", "/api/v1/upcoming");
        links.put("versions", "/api/v1/versions");
        links.put("changes", "/api/v1/changes");
        links.put("diff", "/api/v1/diff?from={n}&to={m}");
        links.put("openapi", "/q/openapi");
        links.put("swagger-ui", "/q/swagger-ui");
        return Collections.unmodifiableMap(links);
    }
}
