package io.subregistry.platform.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Completes /q/openapi for API users (registered as {@code mp.openapi.filter}): every operation
 * gets the problem+json answers it can give, with an example each, and operations anyone may
 * call are marked public ({@code x-public}, and an empty security requirement) so that a missing
 * role is never mistaken for an open endpoint. The HTML pages and console forms are not scanned
 * at all ({@code mp.openapi.scan.exclude.packages}).
 */
public class ApiDocumentation implements OASFilter {

    private static final String PROBLEM = "application/problem+json";

    /** What each status means here, in the words of the README's API overview. */
    private static final Map<String, String> MEANING = Map.ofEntries(
            Map.entry("400", "Malformed request: a parameter that is not of its type, text PostgreSQL cannot store (a NUL),"
                    + " JSON that cannot be read; `errors[]` names the field or line"),
            Map.entry("401", "Not signed in: HTTP Basic credentials are missing or wrong"),
            Map.entry("403", "Signed in without the role this operation needs"),
            Map.entry("404", "No such version, entry, section, token or account"),
            Map.entry("409", "Refused by the state of the registry (nothing to publish, a published version, a name in use,"
                    + " already resolved or withdrawn, ...)"),
            Map.entry("410", "The link expired"),
            Map.entry("412", "If-Match names a revision that is no longer current: read again and retry"),
            Map.entry("413", "The body is larger than 16 MB"),
            Map.entry("422", "Invalid values: `errors[]` names each field and what is wrong"),
            Map.entry("428", "If-Match is required: name the revision (ETag) the change was made from"),
            Map.entry("429", "Too many requests from this client: wait for Retry-After"));

    /** Answers particular to some operations, beyond those every operation of its kind can give. */
    private static final Map<String, List<String>> SPECIFIC = Map.ofEntries(
            Map.entry("POST /api/v1/draft/publish", List.of("409", "412", "428")),
            Map.entry("PUT /api/v1/versions/{number}", List.of("409")),
            Map.entry("PATCH /api/v1/versions/{number}", List.of("409")),
            Map.entry("DELETE /api/v1/versions/{number}", List.of("409")),
            Map.entry("POST /api/v1/draft/import", List.of("412", "413")),
            Map.entry("POST /api/v1/draft/subprocessors", List.of("409")),
            Map.entry("PUT /api/v1/draft/subprocessors/{id}", List.of("409", "412", "428")),
            Map.entry("DELETE /api/v1/draft/subprocessors/{id}", List.of("412", "428")),
            Map.entry("POST /api/v1/draft/sections", List.of("409")),
            Map.entry("PUT /api/v1/draft/sections/{key}", List.of("409", "412", "428")),
            Map.entry("DELETE /api/v1/draft/sections/{key}", List.of("409", "412", "428")),
            Map.entry("POST /api/v1/versions/{number}/withdrawal", List.of("409")),
            Map.entry("POST /api/v1/subscriptions", List.of("429")),
            Map.entry("POST /api/v1/subscriptions/confirmations/{token}", List.of("410")),
            Map.entry("POST /api/v1/objections/{token}", List.of("409")),
            Map.entry("POST /api/v1/objections/{id}/resolution", List.of("409")),
            Map.entry("POST /api/v1/admin/users", List.of("409")),
            Map.entry("POST /api/v1/admin/users/{username}/disable", List.of("409")),
            Map.entry("PUT /api/v1/admin/users/{username}/roles", List.of("409")),
            Map.entry("POST /api/v1/admin/signing-keys/rotate", List.of("409")));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", OASFactory.createSchema()
                .description("RFC 9457 problem details")
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("what went wrong, for people"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("each field or line that is wrong, for programs")
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                                .addProperty("line", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)))));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        // Pages, console forms and the feed are not the API. (Leaving out their packages at scan time
        // cannot work: mp.openapi.scan.exclude.packages matches by prefix, and "io.subregistry.web"
        // would take io.subregistry.webhook with it.)
        openAPI.getPaths().getPathItems().keySet().stream().filter(path -> !isApi(path)).toList()
                .forEach(openAPI.getPaths()::removePathItem);
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> complete(method + " " + path, path, method, operation)));
    }

    private static boolean isApi(String path) {
        return path.equals("/api/v1") || path.startsWith("/api/") || path.startsWith("/.well-known/")
                || path.startsWith("/schemas/");
    }

    private static void complete(String name, String path, PathItem.HttpMethod method, Operation operation) {
        boolean secured = operation.getSecurity() != null && operation.getSecurity().stream()
                .anyMatch(requirement -> requirement.getSchemes() != null && !requirement.getSchemes().isEmpty());
        Set<String> statuses = new TreeSet<>();
        // UnstorableInput refuses a NUL in any path or query value, of any operation
        statuses.add("400");
        if (secured) {
            statuses.add("401");
            statuses.add("403");
        } else {
            operation.addExtension("x-public", true);
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement()));
        }
        if (path.contains("{")) {
            statuses.add("404");
        }
        if (operation.getRequestBody() != null && (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT)) {
            statuses.add("422");
        }
        statuses.addAll(SPECIFIC.getOrDefault(name, List.of()));
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        for (String status : statuses) {
            APIResponse existing = responses.getAPIResponse(status);
            if (existing == null || existing.getContent() == null || existing.getContent().getMediaType(PROBLEM) == null) {
                responses.addAPIResponse(status, problem(status, existing));
            }
        }
    }

    private static APIResponse problem(String status, APIResponse existing) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", title(status));
        example.put("status", Integer.parseInt(status));
        example.put("detail", MEANING.get(status));
        example.put("errors", List.of());
        String description = existing != null && existing.getDescription() != null ? existing.getDescription() : MEANING.get(status);
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(PROBLEM, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))
                        .example(example)));
    }

    private static String title(String status) {
        return switch (status) {
            case "400" -> "Bad Request";
            case "401" -> "Unauthorized";
            case "403" -> "Forbidden";
            case "404" -> "Not Found";
            case "409" -> "Conflict";
            case "410" -> "Gone";
            case "412" -> "Precondition Failed";
            case "413" -> "Content Too Large";
            case "422" -> "Unprocessable Content";
            case "428" -> "Precondition Required";
            case "429" -> "Too Many Requests";
            default -> "Error";
        };
    }
}
