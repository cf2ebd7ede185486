package io.subregistry.web.console;

import io.subregistry.customer.CustomerService;
import io.subregistry.customer.CustomerView;
import io.subregistry.customer.EvidenceCsv;
import io.subregistry.customer.ObligationReport;
import io.subregistry.customer.ObligationService;
import io.subregistry.platform.Precondition;
import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.platform.error.RegistryException;
import io.subregistry.registry.version.VersionQueries;
import io.subregistry.security.Roles;
import io.subregistry.web.console.ConsolePages.Form;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Customers (list, search, add, edit with contacts, CSV import, archive) and each version's obligations. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleCustomersResource {

    private static final int PAGE_SIZE = 50;
    private static final int SHOWN_OBLIGATIONS = 500;

    private final CustomerService customers;
    private final ObligationService obligations;
    private final VersionQueries versions;
    private final Console console;

    public ConsoleCustomersResource(CustomerService customers, ObligationService obligations, VersionQueries versions,
                                    Console console) {
        this.customers = customers;
        this.obligations = obligations;
        this.versions = versions;
        this.console = console;
    }

    @GET
    @Path("customers")
    @RolesAllowed({Roles.AUDITOR, Roles.LEGAL, Roles.ADMIN})
    public Response list(@QueryParam("q") String q, @QueryParam("archived") @DefaultValue("false") boolean archived,
                         @QueryParam("page") @DefaultValue("0") int page, @QueryParam("done") String done) {
        return listPage(200, console.frame(done), q, archived, Math.max(0, Math.min(page, 100000)), Form.empty(), Form.empty());
    }

    @POST
    @Path("customers")
    @RolesAllowed(Roles.LEGAL)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam CustomerForm form) {
        return console.submit(form, input -> {
            CustomerView created = customers.create(input, console.user());
            return console.redirect("/console/customers/" + created.id(), "customer-added");
        }, (status, shown) -> listPage(status, console.frame(null), null, false, 0, shown, Form.empty()));
    }

    @POST
    @Path("customers/import")
    @RolesAllowed(Roles.LEGAL)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response importCsv(@FormParam("csv") String csv) {
        try {
            if (csv == null || csv.isBlank()) {
                throw new InvalidInputException("paste the CSV, starting with its header line");
            }
            customers.importCsv(csv, console.user());
            return console.redirect("/console/customers", "customers-imported");
        } catch (RegistryException refused) {
            Form shown = Form.refused(Map.of("csv", csv == null ? "" : csv), refused);
            return listPage(422, console.frame(null), null, false, 0, Form.empty(), shown);
        }
    }

    @GET
    @Path("customers/{id}")
    @RolesAllowed({Roles.AUDITOR, Roles.LEGAL, Roles.ADMIN})
    public Response customerPage(@PathParam("id") UUID id, @QueryParam("done") String done) {
        CustomerView customer = customers.require(id);
        return console.page(CustomerPages.customer(console.frame(done), customer, Form.of(CustomerForm.of(customer))));
    }

    @POST
    @Path("customers/{id}")
    @RolesAllowed(Roles.LEGAL)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") UUID id, @BeanParam CustomerForm form) {
        return console.submit(form, input -> {
            customers.update(id, input, Precondition.parse(form.revision()), console.user());
            return console.redirect("/console/customers/" + id, "customer-saved");
        }, (status, shown) -> console.page(status, CustomerPages.customer(console.frame(null), customers.require(id), shown)));
    }

    @GET
    @Path("customers/{id}/evidence.csv")
    @RolesAllowed({Roles.AUDITOR, Roles.LEGAL, Roles.ADMIN})
    @Produces("text/csv")
    public Response evidence(@PathParam("id") UUID id) {
        return csv(EvidenceCsv.of(obligations.evidence(id)), "evidence-customer-" + id + ".csv");
    }

    @GET
    @Path("versions/{number}/obligations.csv")
    @RolesAllowed({Roles.AUDITOR, Roles.LEGAL, Roles.ADMIN})
    @Produces("text/csv")
    public Response obligationsCsv(@PathParam("number") int number) {
        return csv(EvidenceCsv.of(obligations.report(number)), "obligations-version-" + number + ".csv");
    }

    private static Response csv(String body, String filename) {
        return Response.ok(body, "text/csv; charset=UTF-8").header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    @POST
    @Path("customers/{id}/archive")
    @RolesAllowed(Roles.LEGAL)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response archive(@PathParam("id") UUID id) {
        customers.archive(id, console.user());
        return console.redirect("/console/customers/" + id, "customer-archived");
    }

    @GET
    @Path("versions/{number}/obligations")
    @RolesAllowed({Roles.AUDITOR, Roles.LEGAL, Roles.ADMIN})
    public Response obligations(@PathParam("number") int number) {
        versions.require(number);
        ObligationReport report = obligations.report(number);
        List<ObligationReport.Obligation> shown = report.obligations().stream().limit(SHOWN_OBLIGATIONS).toList();
        return console.page(CustomerPages.obligations(console.frame(null), report, shown));
    }

    private Response listPage(int status, Frame frame, String q, boolean archived, int page, Form form, Form importForm) {
        CustomerView.Page found = customers.search(q, null, archived, page, PAGE_SIZE);
        return console.page(status, CustomerPages.customers(frame, found, CustomerPages.Pager.of(found), q == null ? "" : q,
                archived, form, importForm,
                String.join(", ", versions.latest().map(header -> versions.snapshot(header.number()).sections().stream()
                        .map(section -> section.key()).toList()).orElse(List.of()))));
    }
}
