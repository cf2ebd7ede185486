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
        static native TemplateInstance acknowledge(PageContext site, String token, AcknowledgementView view, LocalDate effective,
                                                   LocalDate deadline, boolean done);
    }

    private final ObligationService obligations;
    private final RegistryConfig config;
    private final PageContexts contexts;

    public AcknowledgePages(ObligationService obligations, RegistryConfig config, PageContexts contexts) {
        this.obligations = obligations;
        this.config = config;
        this.contexts = contexts;
    }

    @GET
    public Response page(@PathParam("token") String token) {
        PageContext site = contexts.current();
        return HtmlResponses.attempt(site, site.msg().acknowledgeReceipt(),
                () -> show(site, token, obligations.acknowledgement(token), false));
    }

    @POST
    public Response acknowledge(@PathParam("token") String token) {
        PageContext site = contexts.current();
        return HtmlResponses.attempt(site, site.msg().receiptNotAcknowledged(),
                () -> show(site, token, obligations.acknowledge(token), true));
    }

    private Response show(PageContext site, String token, AcknowledgementView view, boolean done) {
        return HtmlResponses.page(site, Templates.acknowledge(site, token, view, LocalDate.ofInstant(view.effectiveAt(), config.zone()),
                LocalDate.ofInstant(view.objectionDeadline(), config.zone()), done));
    }
}
