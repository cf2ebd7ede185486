package io.subregistry.security.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.subregistry.platform.validation.PlainText;
import io.subregistry.security.AccountService;
import io.subregistry.security.AccountView;
import io.subregistry.security.NewAccount;
import io.subregistry.security.PasswordPolicy;
import io.subregistry.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Set;

/** Staff accounts, managed by admins. */
@Path("/api/v1/admin/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
public class AccountResource {

    private final AccountService accounts;
    private final SecurityIdentity identity;

    public AccountResource(AccountService accounts, SecurityIdentity identity) {
        this.accounts = accounts;
        this.identity = identity;
    }

    public record PasswordChange(@NotBlank @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH)
                                 @PlainText String password) {
    }

    public record RolesChange(@NotEmpty Set<@Pattern(regexp = "admin|legal|auditor",
            message = "must be admin, legal or auditor") String> roles) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a staff account")
    public Response create(@NotNull @Valid NewAccount request) {
        AccountView account = accounts.create(request, actor());
        return Response.created(URI.create("/api/v1/admin/users/" + account.username())).entity(account).build();
    }

    @GET
    @Operation(summary = "Every staff account")
    public List<AccountView> list() {
        return accounts.list();
    }

    @GET
    @Path("{username}")
    @Operation(summary = "One staff account")
    public AccountView get(@PathParam("username") String username) {
        return accounts.get(username);
    }

    @POST
    @Path("{username}/disable")
    @Operation(summary = "Disable an account: it can no longer sign in and its console sessions end (an admin must remain)")
    public AccountView disable(@PathParam("username") String username) {
        return accounts.setDisabled(username, true, actor());
    }

    @POST
    @Path("{username}/enable")
    @Operation(summary = "Enable a disabled account")
    public AccountView enable(@PathParam("username") String username) {
        return accounts.setDisabled(username, false, actor());
    }

    @PUT
    @Path("{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a new password; every console session of the account ends")
    public AccountView password(@PathParam("username") String username, @NotNull @Valid PasswordChange change) {
        return accounts.changePassword(username, change.password(), actor(), null);
    }

    @PUT
    @Path("{username}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an account's roles (an admin must remain); every console session of the account ends")
    public AccountView roles(@PathParam("username") String username, @NotNull @Valid RolesChange change) {
        return accounts.changeRoles(username, change.roles(), actor(), null);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
