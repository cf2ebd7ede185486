package io.subregistry.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.subregistry.platform.error.Problem;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * Requests the HTTP layer refuses before any resource runs (an HTTP/1.1 request without a Host
 * header, say) get a problem+json answer like every other refusal, and are logged quietly: a
 * client's malformed request is not an error of the service.
 */
@ApplicationScoped
public class TransportFailures {

    private static final Logger LOG = Logger.getLogger(TransportFailures.class);

    private final ObjectMapper json;

    public TransportFailures(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
    }

    void answer(RoutingContext context) {
        int status = context.statusCode();
        if (status < 400 || status > 499 || context.response().headWritten() || context.response().ended()) {
            context.next();
            return;
        }
        LOG.debugf("Refused a malformed request (%d): %s", status,
                context.failure() == null ? "" : context.failure().getMessage());
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Bad Request" : known.getReasonPhrase();
        String detail = context.request().authority() == null ? "an HTTP/1.1 request must have a Host header"
                : "the request is malformed";
        try {
            context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(Problem.of(status, title, detail)));
        } catch (JsonProcessingException e) {
            context.next();
        }
    }
}
