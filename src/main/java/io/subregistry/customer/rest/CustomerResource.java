package io.subregistry.customer.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.subregistry.customer.CustomerEvidence;
import io.subregistry.customer.CustomerInput;
import io.subregistry.customer.CustomerService;
import io.subregistry.customer.CustomerView;
import io.subregistry.customer.EvidenceCsv;
import io.subregistry.customer.ObligationService;
import io.subregistry.platform.MediaNegotiation;
import io.subregistry.platform.Precondition;
import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

/** Customers and their contracts: legal staff write them, auditors read them and their evidence. */
@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class CustomerResource {

    private static final MediaType CSV = MediaType.valueOf("text/csv");

    private final CustomerService customers;
    private final ObligationService obligations;
    private final SecurityIdentity identity;

    public CustomerResource(CustomerService customers, ObligationService obligations, SecurityIdentity identity) {
        this.customers = customers;
        this.obligations = obligations;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.LEGAL)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a customer with its contract's notice terms and contacts (legal)",
            description = "Each contact is told by mail that it is the customer's notice contact; it needs no double opt-in.")
    public Response create(@NotNull @Valid CustomerInput input) {
        CustomerView customer = customers.create(input, actor());
        return Response.created(URI.create("/api/v1/customers/" + customer.id())).header(HttpHeaders.ETAG, customer.etag()).entity(customer).build();
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.LEGAL, Roles.ADMIN})
    @Operation(summary = "Customers by name, paged; q searches name, reference and contact addresses,"
            + " status=AT_RISK|OK filters on risk, archived=true lists the archived ones")
    public CustomerView.Page list(@QueryParam("q") String q, @QueryParam("status") String status,
                                  @QueryParam("archived") @DefaultValue("false") boolean archived,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
                                  @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return customers.search(q, atRisk(status), archived, page, size);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.AUDITOR, Roles.LEGAL, Roles.ADMIN})
    @Operation(summary = "One customer, with its ETag for a later PUT")
    public Response get(@PathParam("id") UUID id) {
        CustomerView customer = customers.require(id);
        return Response.ok(customer).header(HttpHeaders.ETAG, customer.etag()).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.LEGAL)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a customer's terms and contacts (legal); If-Match with its ETag is required",
            description = "Without If-Match: 428; with an outdated ETag: 412. Contacts missing from the body are removed"
                    + " (kept in the evidence); new ones are told by mail.")
    public Response update(@PathParam("id") UUID id, @NotNull @Valid CustomerInput input,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        CustomerView customer = customers.update(id, input, Precondition.parse(ifMatch), actor());
        return Response.ok(customer).header(HttpHeaders.ETAG, customer.etag()).build();
    }

    @POST
    @Path("{id}/archive")
    @RolesAllowed(Roles.LEGAL)
    @Operation(summary = "Archive a customer (legal): it no longer binds publishes and gets no new obligations;"
            + " its history stays")
    public CustomerView archive(@PathParam("id") UUID id) {
        return customers.archive(id, actor());
    }

    @POST
    @Path("import")
    @RolesAllowed(Roles.LEGAL)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Import customers from CSV (legal), all or nothing",
            description = "Columns: name, reference, noticePeriodDays, objectionWindowDays, sections, contacts (sections and"
                    + " contacts `;`-separated, a contact `address` or `Name <address>`). Lines are matched by reference"
                    + " (required): importing the same file again changes nothing. A refusal names every wrong line. The body is"
                    + " read as CSV (text/csv) whatever its Content-Type.")
    public CustomerService.ImportResult importCsv(String content) {
        return customers.importCsv(content, actor());
    }

    @GET
    @Path("{id}/evidence")
    @RolesAllowed({Roles.AUDITOR, Roles.LEGAL, Roles.ADMIN})
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Proof of notice for one customer: every version that concerned it, what changed, when notice"
            + " was due, when each contact was notified (Message-ID), acknowledgement, objections and resolutions."
            + " `Accept: text/csv` or ?format=csv gives the evidence file")
    public Response evidence(@PathParam("id") UUID id, @QueryParam("format") String format, @Context HttpHeaders headers) {
        CustomerEvidence evidence = obligations.evidence(id);
        if (MediaNegotiation.choose(headers, format, MediaType.APPLICATION_JSON_TYPE, CSV).equals(CSV)) {
            return Response.ok(EvidenceCsv.of(evidence), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"evidence-customer-" + id + ".csv\"").build();
        }
        return Response.ok(evidence, MediaType.APPLICATION_JSON).build();
    }

    private static Boolean atRisk(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return switch (status.strip().toUpperCase(Locale.ROOT)) {
            case "AT_RISK" -> true;
            case "OK" -> false;
            default -> throw new InvalidInputException("status must be AT_RISK or OK");
        };
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
