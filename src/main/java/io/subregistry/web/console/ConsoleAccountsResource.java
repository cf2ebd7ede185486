package io.subregistry.web.console;

import io.subregistry.platform.error.RegistryException;
import io.subregistry.security.AccountService;
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
    private final Console console;

    public ConsoleAccountsResource(AccountService accounts, Console console) {
        this.accounts = accounts;
        this.console = console;
    }

    @GET
    public Response list(@QueryParam("done") String done) {
        return page(200, console.frame(done), Form.empty());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam AccountForm form) {
        return console.submit(form, account -> {
            accounts.create(account, console.user());
            return console.redirect("/console/accounts", "account-created");
        }, (status, shown) -> page(status, console.frame(null), shown));
    }

    @POST
    @Path("{username}/{action:disable|enable}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response toggle(@PathParam("username") String username, @PathParam("action") String action) {
        return attempt(() -> accounts.setDisabled(username, action.equals("disable"), console.user()));
    }

    @POST
    @Path("{username}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response password(@PathParam("username") String username, @FormParam("password") String password) {
        if (password == null || password.length() < PasswordPolicy.MIN_LENGTH || password.length() > PasswordPolicy.MAX_LENGTH) {
            return page(422, console.frame(null).withFlash("A password has " + PasswordPolicy.MIN_LENGTH + " to " + PasswordPolicy.MAX_LENGTH + " characters.", "bad"), Form.empty());
        }
        return attempt(() -> accounts.changePassword(username, password, console.user(), console.session()));
    }

    @POST
    @Path("{username}/roles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response roles(@PathParam("username") String username, @FormParam("roles") List<String> roles) {
        Set<String> chosen = roles == null ? Set.of() : new HashSet<>(roles);
        if (chosen.isEmpty() || !Roles.ALL.containsAll(chosen)) {
            return page(422, console.frame(null).withFlash("Give the account at least one role.", "bad"), Form.empty());
        }
        return attempt(() -> accounts.changeRoles(username, chosen, console.user(), console.session()));
    }

    private Response attempt(Runnable action) {
        try {
            action.run();
            return console.redirect("/console/accounts", "account-saved");
        } catch (RegistryException refused) {
            return page(409, console.frame(null).withFlash(Forms.sentence(refused.detail()), "bad"), Form.empty());
        }
    }

    private Response page(int status, Frame frame, Form form) {
        return console.page(status, ConsolePages.accounts(frame, accounts.list(), form));
    }
}
