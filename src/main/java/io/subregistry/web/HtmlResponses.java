package io.subregistry.web;

import io.quarkus.qute.TemplateInstance;
import io.subregistry.platform.error.HttpStatuses;
import io.subregistry.platform.error.RegistryException;
import io.subregistry.platform.error.TooManyRequestsException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.function.Function;
import java.util.function.Supplier;

/** Pages answer in HTML even when something is refused: an error page with the right status, never problem+json. */
final class HtmlResponses {

    static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

    private HtmlResponses() {
    }

    static Response page(PageContext site, TemplateInstance page) {
        return page(site, 200, page);
    }

    static Response page(PageContext site, int status, TemplateInstance page) {
        return page(site, status, (Object) site.apply(page).render());
    }

    /**
     * A page rendered already (a {@link PreparedPage}'s bytes, or text), in the reader's language:
     * caches must not hand it to a reader whose browser asks for another.
     */
    static Response page(PageContext site, int status, Object rendered) {
        return Response.status(status).type(HTML).entity(rendered)
                .header("Content-Language", site.lang().tag())
                .header("Vary", "Accept-Language")
                // pages reached from mail links carry a token in their address
                .header("Cache-Control", "no-store").build();
    }

    /** Where an error page leads on, in the reader's words. */
    record Link(String url, Function<PageMessages, String> text) {
    }

    static final Link HOME = new Link("/", PageMessages::goToCurrentList);

    /** Runs a page action; a refusal becomes an error page telling the reader what happened. */
    static Response attempt(PageContext site, String title, Supplier<Response> action) {
        return attempt(site, title, HOME, action);
    }

    /** The same, with the way on that fits the page (a dead mail link leads back to the subscribe form). */
    static Response attempt(PageContext site, String title, Link onward, Supplier<Response> action) {
        try {
            return action.get();
        } catch (RegistryException refused) {
            Response answer = page(site, HttpStatuses.of(refused), Pages.message(site, Pages.Message.bad(title,
                    HtmlText.refusal(site, HttpStatuses.of(refused), refused.detail()))
                    .withLink(site.link(onward.url()), onward.text().apply(site.msg()))));
            if (refused instanceof TooManyRequestsException limited) {
                return Response.fromResponse(answer).header("Retry-After", limited.retryAfterSeconds()).build();
            }
            return answer;
        }
    }
}
