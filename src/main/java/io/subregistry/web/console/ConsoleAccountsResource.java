package io.subregistry.web.console;

import io.subregistry.platform.error.RegistryException;
import io.subregistry.platform.error.HttpStatuses;
import io.subregistry.security.AccountService;
import io.subregistry.security.AccountView;
import io.subregistry.security.InviteService;
import io.subregistry.security.PasswordPolicy;
import io.subregistry.security.Roles;
import io.subregistry.web.console.ConsolePages.Form;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Staff accounts, for admins. */
@Path("/console/accounts")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class ConsoleAccountsResource {

    private final AccountService accounts;
    private final InviteService invites;
    private final Console console;

    public ConsoleAccountsResource(AccountService accounts, InviteService invites, Console console) {
        this.accounts = accounts;
        this.invites = invites;
        this.console = console;
    }

    @GET
    public Response list(@QueryParam("done") String done, @QueryParam("account") String account) {
        return page(200, console.frame(done, account), Form.empty(), Form.empty());
    }

    /** A refused form comes back with the username and roles, never the password (see AccountForm). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam AccountForm form) {
        return console.submit(form, account -> {
            accounts.create(account, console.user());
            return console.redirect("/console/accounts?account=" + account.username(), "account-created");
        }, (status, shown) -> page(status, console.frame(null), shown, Form.empty()));
    }

    /** An account without a password: its owner sets one from the mailed link. */
    @POST
    @Path("invitations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(@BeanParam InviteForm form) {
        return console.submit(form, invite -> {
            invites.invite(invite, console.user());
            return console.redirect("/console/accounts?account=" + invite.username(), "account-invited");
        }, (status, shown) -> page(status, console.frame(null), Form.empty(), shown));
    }

    @POST
    @Path("{username}/{action:disable|enable}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response toggle(@PathParam("username") String username, @PathParam("action") String action) {
        return attempt(username, () -> accounts.setDisabled(username, action.equals("disable"), console.user()));
    }

    @POST
    @Path("{username}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response password(@PathParam("username") String username, @FormParam("password") String password) {
        if (password == null || password.length() < PasswordPolicy.MIN_LENGTH || password.length() > PasswordPolicy.MAX_LENGTH) {
            return page(422, console.frame(null).withFlash("A password has " + PasswordPolicy.MIN_LENGTH + " to "
                    + PasswordPolicy.MAX_LENGTH + " characters.", "bad"), Form.empty(), Form.empty());
        }
        return attempt(username, () -> accounts.changePassword(username, password, console.user(), console.session()));
    }

    @POST
    @Path("{username}/roles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response roles(@PathParam("username") String username, @FormParam("roles") List<String> roles) {
        Set<String> chosen = roles == null ? Set.of() : new HashSet<>(roles);
        if (chosen.isEmpty() || !Roles.ALL.containsAll(chosen)) {
            return page(422, console.frame(null).withFlash("Give the account at least one role.", "bad"), Form.empty(),
                    Form.empty());
        }
        return attempt(username, () -> accounts.changeRoles(username, chosen, console.user(), console.session()));
    }

    private Response attempt(String username, Runnable action) {
        try {
            action.run();
            return console.redirect("/console/accounts?account=" + username, "account-saved");
        } catch (RegistryException refused) {
            return page(HttpStatuses.of(refused), console.frame(null).withFlash(Forms.sentence(refused.detail()), "bad"),
                    Form.empty(), Form.empty());
        }
    }

    private Response page(int status, Frame frame, Form form, Form inviteForm) {
        List<AccountView> all = accounts.list();
        long enabledAdmins = all.stream().filter(a -> !a.disabled() && a.roles().contains(Roles.ADMIN)).count();
        // the last enabled admin is offered no "Disable" (the service refuses it too)
        List<ConsolePages.AccountRow> rows = all.stream().map(a -> new ConsolePages.AccountRow(a,
                !a.disabled() && a.roles().contains(Roles.ADMIN) && enabledAdmins == 1)).toList();
        return console.page(status, ConsolePages.accounts(frame, rows, form, inviteForm));
    }
}
