package io.subregistry.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.subregistry.customer.AcknowledgementView;
import io.subregistry.customer.ObligationService;
import io.subregistry.platform.RegistryConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;

/**
 * The acknowledge link in every announcement to a customer's contact: the GET shows what it
 * acknowledges, the customer's objection deadline and a button (mail scanners follow links);
 * only the POST records it. The token is the authorisation, as for the other mail links.
 */
@Path("/acknowledge/{token}")
@PermitAll
@CsrfExempt
@Produces(MediaType.TEXT_HTML)
public class AcknowledgePages {

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance acknowledge(String token, AcknowledgementView view, LocalDate effective,
                                                   LocalDate deadline, boolean done);
    }

    private final ObligationService obligations;
    private final RegistryConfig config;

    public AcknowledgePages(ObligationService obligations, RegistryConfig config) {
        this.obligations = obligations;
        this.config = config;
    }

    @GET
    public Response page(@PathParam("token") String token) {
        return HtmlResponses.attempt("Acknowledge receipt", () -> show(token, obligations.acknowledgement(token), false));
    }

    @POST
    public Response acknowledge(@PathParam("token") String token) {
        return HtmlResponses.attempt("Receipt not acknowledged", () -> show(token, obligations.acknowledge(token), true));
    }

    private Response show(String token, AcknowledgementView view, boolean done) {
        return HtmlResponses.page(Templates.acknowledge(token, view, LocalDate.ofInstant(view.effectiveAt(), config.zone()),
                LocalDate.ofInstant(view.objectionDeadline(), config.zone()), done));
    }
}
