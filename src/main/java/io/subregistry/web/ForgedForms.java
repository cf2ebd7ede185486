package io.subregistry.web;

import io.subregistry.web.console.Console;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A forged or expired form gets a page saying so: the console's in the console, the public site's elsewhere. */
public class ForgedForms {

    private final Console console;
    private final PageContexts contexts;

    public ForgedForms(Console console, PageContexts contexts) {
        this.console = console;
        this.contexts = contexts;
    }

    @ServerExceptionMapper
    public Response forged(ForgedFormException e, UriInfo uri) {
        String path = uri.getPath();
        if (path.equals("/console") || path.startsWith("/console/")) {
            return console.forgedForm();
        }
        PageContext site = contexts.current();
        PageMessages msg = site.msg();
        return HtmlResponses.page(site, 403, Pages.message(site, Pages.Message.bad(msg.formExpired(), msg.formExpiredText())
                .withLink(site.link("/"), msg.goToCurrentList())));
    }
}
