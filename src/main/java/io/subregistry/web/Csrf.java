package io.subregistry.web;

import io.subregistry.platform.RegistryConfig;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CSRF protection of every HTML form by double submission: a random token in a SameSite=Strict,
 * HttpOnly cookie and the same token in the form's hidden field. Another site can neither read
 * the cookie nor make the browser send it, so it cannot forge a matching form.
 * <p>
 * Every POST to an endpoint that consumes a form is checked, except where {@link CsrfExempt} says
 * the address's token is the authorisation (RFC 8058 one-click unsubscribe posts come from mail
 * clients without cookies). JSON endpoints do not consume forms and are not affected.
 * Not quarkus-rest-csrf: it cannot exempt an endpoint, and answered the one-click unsubscribe and
 * body-less API POSTs with 400.
 */
public class Csrf {

    public static final String FIELD = "csrf";
    static final String COOKIE = "csrf";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final CsrfToken token;
    private final boolean secure;
    private final Map<Method, Boolean> checked = new ConcurrentHashMap<>();

    public Csrf(CsrfToken token, RegistryConfig config) {
        this.token = token;
        this.secure = config.publicBaseUrl().startsWith("https://");
    }

    @ServerRequestFilter
    @WithFormRead
    public void verify(ResteasyReactiveContainerRequestContext request, ResourceInfo resource) {
        if (SAFE.contains(request.getMethod()) || !checked.computeIfAbsent(resource.getResourceMethod(),
                method -> takesForms(resource.getResourceClass(), method))) {
            return;
        }
        Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormParameter(FIELD, true, false);
        if (!token.matches(field instanceof String text ? text : null)) {
            throw new ForgedFormException();
        }
    }

    /** Hands the token to the browser whenever a page put it into a form. */
    @ServerResponseFilter
    public void issue(ContainerRequestContext request, ContainerResponseContext response) {
        if (token.wasIssued()) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(COOKIE).value(token.value()).path("/")
                    .httpOnly(true).secure(secure).sameSite(NewCookie.SameSite.STRICT).build());
        }
    }

    private static boolean takesForms(Class<?> type, Method method) {
        if (type.isAnnotationPresent(CsrfExempt.class) || method.isAnnotationPresent(CsrfExempt.class)) {
            return false;
        }
        Consumes consumes = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class)
                : type.getAnnotation(Consumes.class);
        return consumes != null && Arrays.stream(consumes.value()).map(MediaType::valueOf).anyMatch(Csrf::isForm);
    }

    private static boolean isForm(MediaType type) {
        String name = type.getType() + "/" + type.getSubtype();
        return name.equals(MediaType.APPLICATION_FORM_URLENCODED) || name.equals(MediaType.MULTIPART_FORM_DATA);
    }
}
