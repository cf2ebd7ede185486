package io.subregistry.platform.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.subregistry.platform.JsonErrors;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure into {@code application/problem+json}. Details are written for people and
 * never carry class names or stack traces; unexpected errors are logged with a reference that
 * the answer repeats.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    public static final String REALM = "subprocessor-registry";

    @ServerExceptionMapper
    public Response registry(RegistryException e) {
        int status = HttpStatuses.of(e);
        Response.ResponseBuilder answer = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, reason(status), e.detail(), e.violations()));
        if (e instanceof TooManyRequestsException limited) {
            answer.header("Retry-After", Long.toString(limited.retryAfterSeconds()));
        }
        return answer.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<RegistryException.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> RegistryException.Violation.ofField(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(RegistryException.Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message())
                .collect(Collectors.joining("; "));
        return respond(Problem.of(422, reason(422), detail, violations));
    }

    /** "publish.request.effectiveAt" → "effectiveAt": the client knows its body, not our method names. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length <= 2 ? parts[parts.length - 1] : String.join(".", List.of(parts).subList(2, parts.length));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return respond(Problem.of(400, reason(400), "unknown field '" + e.getPropertyName() + "'"
                + " (known: " + e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                .collect(Collectors.joining(", ")) + ")"));
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        String field = pathOf(e);
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        if (e instanceof InvalidNullException) {
            return respond(Problem.of(400, reason(400), "field '" + field + "': must not be null"));
        }
        String detail = e instanceof InvalidFormatException invalid
                ? "field '" + field + "': '" + abbreviate(String.valueOf(invalid.getValue())) + "' is not a valid " + expected
                : field.isEmpty() ? "the body does not have the expected shape (" + expected + ")"
                : "field '" + field + "': expected " + expected;
        return respond(Problem.of(400, reason(400), detail));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown);
        }
        if (e instanceof MismatchedInputException mismatch) {
            return wrongType(mismatch);
        }
        JsonLocation location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        String cause = e.getOriginalMessage() == null ? "" : ": " + JsonErrors.reason(e);
        return respond(Problem.of(400, reason(400), "malformed JSON" + where + cause));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri, jakarta.ws.rs.core.Request request) {
        return isConsole(uri) ? redirect(signInFor(uri, request)) : challenge();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, jakarta.ws.rs.core.Request request) {
        return isConsole(uri) ? redirect(signInFor(uri, request)) : challenge();
    }

    /** The sign-in page, told which page was asked for (a GET's, so that signing in leads back to it). */
    private static String signInFor(UriInfo uri, jakarta.ws.rs.core.Request request) {
        if (!"GET".equals(request.getMethod())) {
            return "/console/login";
        }
        String asked = uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
        return "/console/login?next=" + java.net.URLEncoder.encode(asked, java.nio.charset.StandardCharsets.UTF_8);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        if (isConsole(uri)) {
            return redirect("/console/forbidden");
        }
        return respond(Problem.of(403, reason(403), "your account's roles do not allow this"));
    }

    /** The staff console is for browsers: they are sent to its sign-in page rather than given a Basic challenge. */
    private static boolean isConsole(UriInfo uri) {
        String path = uri.getPath();
        return path.equals("/console") || path.startsWith("/console/");
    }

    private static Response redirect(String location) {
        return Response.seeOther(URI.create(location)).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, ResourceInfo resource, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        int status = e.getResponse().getStatus();
        if ((status == 404 || status == 400) && e.getCause() != null && resource.getResourceMethod() != null) {
            // a path or query parameter did not convert to its type: say which, and what it must be
            return registry(MalformedParameters.find(resource.getResourceMethod(), uri)
                    .orElseGet(() -> new InvalidInputException("a parameter of the request is not well-formed")));
        }
        if (status >= 500) {
            return unexpected(e);
        }
        String detail = switch (status) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            case 406 -> "none of the accepted media types can be produced";
            case 415 -> "unsupported content type";
            default -> e.getMessage() == null ? reason(status) : firstLine(e.getMessage());
        };
        Response.ResponseBuilder answer = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, reason(status), detail));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Allow") || name.equalsIgnoreCase("Retry-After")) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.build();
    }

    @ServerExceptionMapper
    public Response database(PersistenceException e) {
        return sqlState(e).map(state -> switch (state) {
            // raised by the immutability and chain triggers
            case "P0001" -> respond(Problem.of(409, reason(409), databaseMessage(e)));
            case "23505" -> respond(Problem.of(409, reason(409), "that value is already taken"));
            case "40001", "40P01" -> respond(Problem.of(409, reason(409), "a concurrent change won; try again"));
            // text the database cannot store (a NUL character) that no earlier check caught
            case "22021", "22P05" -> respond(Problem.of(400, reason(400),
                    "the request contains a character that cannot be stored (NUL)"));
            default -> unexpected(e);
        }).orElseGet(() -> unexpected(e));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        Optional<Problem> undecodable = RequestDecoding.problemOf(e);
        if (undecodable.isPresent()) {
            LOG.debugf("Unreadable request body: %s", e.getMessage());
            return respond(undecodable.get());
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, reference %s", reference);
        return respond(Problem.of(500, reason(500), "unexpected error; reference " + reference));
    }

    private static Optional<String> sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    private static String databaseMessage(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String message = firstLine(String.valueOf(sql.getMessage()));
                return message.startsWith("ERROR: ") ? message.substring(7) : message;
            }
        }
        return "refused by the database";
    }

    static Response challenge() {
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"")
                .entity(Problem.of(401, reason(401), "sign in with a staff account"))
                .build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "string";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (type.isRecord() || type == Map.class) {
            return "object";
        }
        return "value";
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 422 -> "Unprocessable Content";
            case 428 -> "Precondition Required";
            case 429 -> "Too Many Requests";
            default -> "Error";
        };
    }
}
