package io.subregistry.web.console;

import io.subregistry.security.AccountService;
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
import jakarta.ws.rs.Produces;
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
    private final SessionService sessions;
    private final CsrfToken csrf;
    private final boolean secure;

    public ConsoleAccessResource(AccountService accounts, SessionService sessions, CsrfToken csrf, RegistryConfig config) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.csrf = csrf;
        this.secure = config.publicBaseUrl().startsWith("https://");
    }

    @GET
    @Path("login")
    public Response loginPage() {
        return loginPage(200, null, null);
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@FormParam("username") String username, @FormParam("password") String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()
                || username.length() > 64 || password.length() > 200) {
            return loginPage(401, "Wrong username or password.", username);
        }
        AccountService.SignIn result = accounts.signIn(username.strip(), password);
        if (!result.succeeded()) {
            String error = result.lockedUntil() != null
                    ? "Too many failed sign-ins: this account is locked until " + TIME.format(result.lockedUntil()) + "."
                    : "Wrong username or password.";
            return loginPage(401, error, username);
        }
        String token = sessions.open(result.staff().username());
        return Response.seeOther(URI.create("/console"))
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
                ? loginPage(403, "The sign-in form expired. Please try again.", null)
                : loginPage(403, "The form expired. Please try again.", null);
    }

    private Response loginPage(int status, String error, String username) {
        return Response.status(status).type(MediaType.valueOf("text/html;charset=UTF-8"))
                .entity(ConsolePages.login(null, csrf.value(), error, username == null ? "" : username).render())
                .header("Cache-Control", "no-store")
                .build();
    }
}
