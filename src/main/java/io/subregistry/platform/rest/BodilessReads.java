package io.subregistry.platform.rest;

import io.subregistry.platform.error.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Locale;
import java.util.Set;

/**
 * A GET, HEAD or OPTIONS request that sends a form is refused before the REST layer reads it.
 * Such a body means nothing to any of our reads, and the list and the page answer on the event
 * loop, where the REST layer's form decoding (which the CSRF filter asks for) never answered a
 * broken %-escape at all: the connection just hung.
 */
public class BodilessReads {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(preMatching = true)
    public Response refuseForms(ContainerRequestContext request) {
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type == null || !SAFE.contains(request.getMethod()) || !hasBody(request)) {
            return null;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("application/x-www-form-urlencoded") && !lower.startsWith("multipart/")) {
            return null;
        }
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(Problem.of(400, "Bad Request",
                "a GET, HEAD or OPTIONS request carries no form: send the parameters in the query string")).build();
    }

    /** A client that follows a redirect after a POST may keep the form's Content-Type on the bodiless GET: that is fine. */
    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return request.getHeaderString("Transfer-Encoding") != null || (length != null && !length.strip().equals("0"));
    }
}
