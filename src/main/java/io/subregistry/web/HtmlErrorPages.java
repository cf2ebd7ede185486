package io.subregistry.web;

import io.subregistry.platform.error.Problem;
import io.subregistry.platform.i18n.Language;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The site's pages answer in HTML even when a request is refused before a page could handle it
 * (a malformed parameter, an unreadable form): the problem+json the API would get becomes an
 * error page with the same status and detail. The API, the feed, the machine-readable documents
 * (/.well-known, /schemas) and /q keep problem+json.
 */
public class HtmlErrorPages {

    private final PageContexts contexts;

    public HtmlErrorPages(PageContexts contexts) {
        this.contexts = contexts;
    }

    @ServerResponseFilter
    public void toHtml(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem) || !isPage(request.getUriInfo().getPath())) {
            return;
        }
        String path = request.getUriInfo().getPath();
        boolean console = path.equals("/console") || path.startsWith("/console/");
        // the console is English; a public page's error speaks the reader's language
        PageContext site = contexts.current();
        PageMessages msg = site.msg();
        String title = site.lang() == Language.EN ? problem.title()
                : response.getStatus() == 404 ? msg.pageNotFound() : msg.requestRefused();
        response.setEntity(site.apply(Pages.message(site, Pages.Message.bad(title,
                        HtmlText.refusal(site, response.getStatus(), problem.detail()))
                .withLink(console ? "/console" : site.link("/"), console ? msg.backToConsole() : msg.goToCurrentList())))
                .render(), null, HtmlResponses.HTML);
        response.getHeaders().putSingle("Content-Language", site.lang().tag());
        response.getHeaders().add("Vary", "Accept-Language");
        response.getHeaders().putSingle("Cache-Control", "no-store");
        response.getHeaders().putSingle("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
    }

    private static boolean isPage(String path) {
        return !(path.startsWith("/api/") || path.equals("/api") || path.startsWith("/q/") || path.equals("/feed.atom")
                || path.startsWith("/.well-known/") || path.startsWith("/schemas/"));
    }
}
