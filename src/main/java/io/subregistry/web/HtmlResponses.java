package io.subregistry.web;

import io.quarkus.qute.TemplateInstance;
import io.subregistry.platform.error.HttpStatuses;
import io.subregistry.platform.error.RegistryException;
import io.subregistry.platform.error.TooManyRequestsException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.function.Supplier;

/** Pages answer in HTML even when something is refused: an error page with the right status, never problem+json. */
final class HtmlResponses {

    static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

    private HtmlResponses() {
    }

    static Response page(TemplateInstance page) {
        return page(200, page);
    }

    static Response page(int status, TemplateInstance page) {
        return page(status, page.render());
    }

    /** A page rendered already (a {@link PreparedPage}'s bytes, or text). */
    static Response page(int status, Object rendered) {
        return Response.status(status).type(HTML).entity(rendered)
                // pages reached from mail links carry a token in their address
                .header("Cache-Control", "no-store").build();
    }

    /** Where an error page leads on. */
    record Link(String url, String text) {
    }

    static final Link HOME = new Link("/", "Go to the current list of sub-processors");

    /** Runs a page action; a refusal becomes an error page telling the reader what happened. */
    static Response attempt(String title, Supplier<Response> action) {
        return attempt(title, HOME, action);
    }

    /** The same, with the way on that fits the page (a dead mail link leads back to the subscribe form). */
    static Response attempt(String title, Link onward, Supplier<Response> action) {
        try {
            return action.get();
        } catch (RegistryException refused) {
            Response answer = page(HttpStatuses.of(refused), Pages.message(Pages.Message.bad(title, HtmlText.sentence(refused.detail()))
                    .withLink(onward.url(), onward.text())));
            if (refused instanceof TooManyRequestsException limited) {
                return Response.fromResponse(answer).header("Retry-After", limited.retryAfterSeconds()).build();
            }
            return answer;
        }
    }
}
