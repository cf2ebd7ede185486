package io.subregistry.registry.version.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.subregistry.registry.version.VersionHeader;
import io.subregistry.registry.version.VersionQueries;
import io.subregistry.registry.version.VersionStatus;
import io.subregistry.registry.version.WithdrawalService;
import io.subregistry.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Withdrawing the newest version before it takes effect. */
@Path("/api/v1/versions/{number}/withdrawal")
@RolesAllowed(Roles.LEGAL)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Publishing (legal)")
public class WithdrawalResource {

    private final WithdrawalService withdrawals;
    private final VersionQueries versions;
    private final SecurityIdentity identity;

    public WithdrawalResource(WithdrawalService withdrawals, VersionQueries versions, SecurityIdentity identity) {
        this.withdrawals = withdrawals;
        this.versions = versions;
        this.identity = identity;
    }

    /** Why the version is withdrawn; subscribers who were told of it receive it. */
    public record WithdrawalRequest(@NotBlank @Size(max = 2000) @io.subregistry.platform.validation.PlainText(multiline = true) String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Withdraw the newest version while it is upcoming",
            description = "The version stays published and in the hash chain, marked withdrawn: it never takes effect,"
                    + " its unsent notices are cancelled and everyone who was told of it gets a withdrawal notice. The next"
                    + " version is compared with, and may take effect as early as, the newest version not withdrawn"
                    + " (e.g. an emergency effective today). 409 when the version is in effect, already withdrawn, or not"
                    + " the newest.")
    public VersionSummaryResponse withdraw(@PathParam("number") int number, @NotNull @Valid WithdrawalRequest request) {
        VersionHeader header = withdrawals.withdraw(number, request.reason(), identity.getPrincipal().getName());
        return VersionSummaryResponse.of(header, VersionStatus.WITHDRAWN, versions.counts(number));
    }
}
