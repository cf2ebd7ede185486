package io.subregistry.platform.error;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a failure of the REST layer to read a form or multipart body (a bad %-escape,
 * raw binary, a multipart boundary that is empty, unterminated or never closed, too many
 * fields): it happens before any of our code runs, and it is the client's malformed request.
 */
final class RequestDecoding {

    private static final String FORM_READER = "org.jboss.resteasy.reactive.server.handlers.FormBodyHandler";
    /** The form and multipart parsers: reached without FormBodyHandler on the stack when the method runs on the event loop. */
    private static final String FORM_PARSERS = "org.jboss.resteasy.reactive.server.core.multipart.";
    private static final Pattern FIELD_LIMIT = Pattern.compile("Param limit of (\\d+) was exceeded");

    private RequestDecoding() {
    }

    /** The refusal for a body the REST layer could not decode, if that is what {@code failure} is. */
    static Optional<Problem> problemOf(Throwable failure) {
        if (!thrownReadingTheForm(failure)) {
            return Optional.empty();
        }
        Matcher limit = FIELD_LIMIT.matcher(String.valueOf(failure.getMessage()));
        if (limit.find()) {
            return Optional.of(Problem.of(413, "Content Too Large", "the form has more than " + limit.group(1) + " fields"));
        }
        return Optional.of(Problem.of(400, "Bad Request", "the form body cannot be read: it must be valid"
                + " application/x-www-form-urlencoded (UTF-8, well-formed %-escapes) or multipart/form-data (a non-empty"
                + " boundary, every part closed by it)"));
    }

    private static boolean thrownReadingTheForm(Throwable failure) {
        boolean reader = false;
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().startsWith("io.subregistry.")) {
                return false;
            }
            reader |= frame.getClassName().equals(FORM_READER) || frame.getClassName().startsWith(FORM_PARSERS);
        }
        return reader;
    }
}
