package io.subregistry.customer.rest;

import io.subregistry.customer.Contracts;
import io.subregistry.customer.EarliestDate;
import io.subregistry.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The earliest effective date of the draft that keeps every customer's contract. */
@Path("/api/v1/draft/earliest-effective-date")
@RolesAllowed(Roles.LEGAL)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Draft (legal)")
public class EarliestDateResource {

    private final Contracts contracts;

    public EarliestDateResource(Contracts contracts) {
        this.contracts = contracts;
    }

    @GET
    @Operation(summary = "The earliest date that breaches no contract of a customer the draft's additions concern,"
            + " the notice period that decides it and the customers whose contracts bind it")
    public EarliestDate earliest() {
        return contracts.earliest();
    }
}
