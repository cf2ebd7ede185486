package io.subregistry.platform.rest;

import io.subregistry.platform.error.Problem;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;
import java.util.Set;

/**
 * A GET, HEAD or OPTIONS request that sends a form is refused before the REST layer reads it.
 * Such a body means nothing to any of our reads, and the list and the page answer on the event
 * loop, where the REST layer's form decoding (which the CSRF filter asks for) never answered a
 * broken %-escape at all: the connection just hung.
 */
@ApplicationScoped
public class BodilessReads {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String REFUSAL = Json.encode(Problem.of(400, "Bad Request",
            "a GET, HEAD or OPTIONS request carries no form: send the parameters in the query string"));

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            if (sendsAForm(context.request())) {
                context.response().setStatusCode(400).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(REFUSAL);
            } else {
                context.next();
            }
        });
    }

    private static boolean sendsAForm(HttpServerRequest request) {
        if (!SAFE.contains(request.method())) {
            return false;
        }
        String type = request.getHeader("Content-Type");
        if (type == null) {
            return false;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/");
    }
}
