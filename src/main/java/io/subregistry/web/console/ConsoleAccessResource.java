package io.subregistry.web.console;

import io.subregistry.platform.error.HttpStatuses;
import io.subregistry.platform.error.RegistryException;
import io.subregistry.security.AccountService;
import io.subregistry.security.InviteService;
import io.subregistry.security.PasswordPolicy;
import io.subregistry.security.session.SessionCookie;
import io.subregistry.security.session.SessionService;
import io.subregistry.platform.RegistryConfig;
import io.subregistry.web.CsrfToken;
import io.subregistry.web.ForgedFormException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Signing in to and out of the staff console. */
@Path("/console")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class ConsoleAccessResource {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneId.of("UTC"));

    private final AccountService accounts;
    private final InviteService invites;
    private final SessionService sessions;
    private final CsrfToken csrf;
    private final boolean secure;

    public ConsoleAccessResource(AccountService accounts, InviteService invites, SessionService sessions, CsrfToken csrf,
                                 RegistryConfig config) {
        this.accounts = accounts;
        this.invites = invites;
        this.sessions = sessions;
        this.csrf = csrf;
        this.secure = config.publicBaseUrl().startsWith("https://");
    }

    @GET
    @Path("login")
    public Response loginPage(@QueryParam("next") String next, @QueryParam("done") String done) {
        return loginPage(200, null, null, ConsoleLinks.localConsolePath(next),
                "password-set".equals(done) ? "Your password is set. Sign in with it." : null);
    }

    /** After signing in, the page that was asked for (a local console path only: never another site). */
    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@FormParam("username") String username, @FormParam("password") String password,
                          @FormParam("next") String next) {
        String target = ConsoleLinks.localConsolePath(next);
        if (username == null || username.isBlank() || password == null || password.isEmpty()
                || username.length() > 64 || password.length() > 200) {
            return loginPage(401, "Wrong username or password.", username, target, null);
        }
        AccountService.SignIn result = accounts.signIn(username.strip(), password);
        if (!result.succeeded()) {
            String error = result.lockedUntil() != null
                    ? "Too many failed sign-ins: this account is locked until " + TIME.format(result.lockedUntil()) + "."
                    : "Wrong username or password.";
            return loginPage(401, error, username, target, null);
        }
        String token = sessions.open(result.staff().username());
        return Response.seeOther(URI.create(target == null ? "/console" : target))
                .cookie(new NewCookie.Builder(SessionCookie.NAME).value(token).path(SessionCookie.PATH).httpOnly(true)
                        .secure(secure).sameSite(NewCookie.SameSite.STRICT).build())
                .build();
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@CookieParam(SessionCookie.NAME) String token) {
        sessions.close(token);
        return Response.seeOther(URI.create("/console/login"))
                .cookie(new NewCookie.Builder(SessionCookie.NAME).value("").path(SessionCookie.PATH).httpOnly(true)
                        .secure(secure).sameSite(NewCookie.SameSite.STRICT).maxAge(0).build())
                .build();
    }

    @GET
    @Path("forbidden")
    public Response forbidden() {
        return Response.status(403).type(MediaType.valueOf("text/html;charset=UTF-8"))
                .entity(ConsolePages.message(null, "Not for your role",
                        "Your account's roles do not give access to this page. Ask an admin if you need it.").render())
                .build();
    }

    /** Signing in and out are forms too; an expired one shows the sign-in page again. */
    @ServerExceptionMapper
    public Response expired(ForgedFormException e, UriInfo uri) {
        return uri.getPath().endsWith("/login")
                ? loginPage(403, "The sign-in form expired. Please try again.", null, null, null)
                : loginPage(403, "The form expired. Please try again.", null, null, null);
    }

    /** The page behind an invitation's link: it checks the link before asking for anything. */
    @GET
    @Path("invite/{token}")
    public Response invitePage(@PathParam("token") String token) {
        try {
            return page(200, ConsolePages.invite(null, csrf.value(), token, invites.usernameFor(token), null));
        } catch (RegistryException refused) {
            return page(HttpStatuses.of(refused), ConsolePages.message(null, "This invitation cannot be used",
                    Forms.sentence(refused.detail())));
        }
    }

    @POST
    @Path("invite/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acceptInvite(@PathParam("token") String token, @FormParam("password") String password,
                                 @FormParam("repeat") String repeat) {
        String username;
        try {
            username = invites.usernameFor(token);
        } catch (RegistryException refused) {
            return page(HttpStatuses.of(refused), ConsolePages.message(null, "This invitation cannot be used",
                    Forms.sentence(refused.detail())));
        }
        if (password == null || password.length() < PasswordPolicy.MIN_LENGTH || password.length() > PasswordPolicy.MAX_LENGTH) {
            return page(422, ConsolePages.invite(null, csrf.value(), token, username, "A password has " + PasswordPolicy.MIN_LENGTH
                    + " to " + PasswordPolicy.MAX_LENGTH + " characters."));
        }
        if (!password.equals(repeat)) {
            return page(422, ConsolePages.invite(null, csrf.value(), token, username, "The two passwords differ. Type the same one twice."));
        }
        try {
            invites.accept(token, password);
        } catch (RegistryException refused) {
            return page(HttpStatuses.of(refused), ConsolePages.invite(null, csrf.value(), token, username,
                    Forms.sentence(refused.detail())));
        }
        return Response.seeOther(URI.create("/console/login?done=password-set")).build();
    }

    private Response loginPage(int status, String error, String username, String next, String notice) {
        return page(status, ConsolePages.login(null, csrf.value(), error, username == null ? "" : username, next, notice));
    }

    private static Response page(int status, io.quarkus.qute.TemplateInstance page) {
        return Response.status(status).type(MediaType.valueOf("text/html;charset=UTF-8"))
                .entity(page.render())
                .header("Cache-Control", "no-store")
                .build();
    }
}
