package io.subregistry.web;

import io.subregistry.web.console.Console;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A forged or expired form gets a page saying so: the console's in the console, the public site's elsewhere. */
public class ForgedForms {

    private final Console console;

    public ForgedForms(Console console) {
        this.console = console;
    }

    @ServerExceptionMapper
    public Response forged(ForgedFormException e, UriInfo uri) {
        String path = uri.getPath();
        if (path.equals("/console") || path.startsWith("/console/")) {
            return console.forgedForm();
        }
        return HtmlResponses.page(403, Pages.message(Pages.Message.bad("The form expired",
                "This form was open too long or did not come from this site. Go back, reload the page and try again.")
                .withLink("/", "Go to the current list of sub-processors")));
    }
}
