package io.subregistry.customer.rest;

import io.subregistry.customer.EvidenceCsv;
import io.subregistry.customer.ObligationReport;
import io.subregistry.customer.ObligationService;
import io.subregistry.platform.MediaNegotiation;
import io.subregistry.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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

/** Per version: every customer it obliges and where its notice stands. */
@Path("/api/v1/versions/{number}/obligations")
@RolesAllowed({Roles.AUDITOR, Roles.LEGAL, Roles.ADMIN})
@Tag(name = "Customers")
public class ObligationResource {

    private static final MediaType CSV = MediaType.valueOf("text/csv");

    private final ObligationService obligations;

    public ObligationResource(ObligationService obligations) {
        this.obligations = obligations;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "The version's obligations, at-risk and breached first, with totals by status and each contact's"
            + " announcement; `Accept: text/csv` or ?format=csv gives one row per customer and contact")
    public Response report(@PathParam("number") int number, @QueryParam("format") String format, @Context HttpHeaders headers) {
        ObligationReport report = obligations.report(number);
        if (MediaNegotiation.choose(headers, format, MediaType.APPLICATION_JSON_TYPE, CSV).equals(CSV)) {
            return Response.ok(EvidenceCsv.of(report), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"obligations-version-" + number + ".csv\"").build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

}
