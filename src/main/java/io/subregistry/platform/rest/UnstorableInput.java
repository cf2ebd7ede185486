package io.subregistry.platform.rest;

import io.subregistry.platform.StorableText;
import io.subregistry.platform.error.Problem;
import io.subregistry.platform.error.RegistryException.Violation;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * Refuses an address whose decoded path or query holds text PostgreSQL cannot store (a NUL, a
 * lone surrogate) before any resource sees it: {@code /api/v1/admin/users/A%00B} is a bad
 * request, not a database error.
 */
public class UnstorableInput {

    @ServerRequestFilter(preMatching = true)
    public Response refuse(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        if (!StorableText.isStorable(uri.getPath())) {
            return refusal("path", "the address contains a character that is not allowed (NUL)");
        }
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            boolean storable = StorableText.isStorable(name) && parameter.getValue().stream().allMatch(StorableText::isStorable);
            if (!storable) {
                String shown = StorableText.isStorable(name) && name.length() <= 40 ? name : "a query parameter";
                return refusal(shown, "query parameter '" + shown + "' contains a character that is not allowed (NUL)");
            }
        }
        return null;
    }

    private static Response refusal(String field, String detail) {
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(400, "Bad Request", detail, List.of(Violation.ofField(field, "must not contain NUL"))))
                .build();
    }
}
