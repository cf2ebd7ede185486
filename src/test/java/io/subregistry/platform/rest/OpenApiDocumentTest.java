package io.subregistry.platform.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.subregistry.support.RegistryTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * /q/openapi is for API users: no HTML page or console form in it, and every JSON operation
 * documents its problem+json error answers, who may call it (a security requirement, or an
 * explicit mark that it is public) and an example.
 */
@QuarkusTest
class OpenApiDocumentTest extends RegistryTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void everyJsonOperationHasItsErrorsItsRoleAndAnExample() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/console") || !path.getKey().matches("/(api|\\.well-known|schemas)/.*")) {
                problems.add(path.getKey() + ": a page or console form is not part of the API");
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                operations++;
                String name = method.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = method.getValue();
                boolean has4xx = false;
                boolean hasExample = false;
                for (Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields(); responses.hasNext(); ) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    if (response.getKey().startsWith("4")) {
                        has4xx = true;
                        if (response.getValue().path("content").path("application/problem+json").isMissingNode()) {
                            problems.add(name + ": " + response.getKey() + " is not described as application/problem+json");
                        }
                    }
                    hasExample |= response.getValue().toString().contains("\"example");
                }
                if (!has4xx) {
                    problems.add(name + ": documents no 4xx answer");
                }
                if (!hasExample) {
                    problems.add(name + ": has no example");
                }
                JsonNode security = operation.path("security");
                boolean markedPublic = operation.path("x-public").asBoolean(false);
                if (!markedPublic && (!security.isArray() || security.isEmpty())) {
                    problems.add(name + ": has no security requirement and is not marked public");
                }
                if (markedPublic && security.isArray() && !security.isEmpty() && !security.get(0).isEmpty()) {
                    problems.add(name + ": is marked public but requires " + security);
                }
                if (operation.path("tags").isEmpty()) {
                    problems.add(name + ": has no tag");
                }
            }
        }
        assertThat(operations).isGreaterThan(30);
        assertThat(problems).isEmpty();
        List<String> tags = new ArrayList<>();
        document.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
        assertThat(tags).noneMatch(tag -> tag.contains("Resource") || tag.contains("Console"));
    }
}
