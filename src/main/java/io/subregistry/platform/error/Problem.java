package io.subregistry.platform.error;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** An RFC 9457 problem detail: what went wrong, for a person ({@code detail}) and a program ({@code status}, {@code errors}). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<RegistryException.Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of());
    }

    public static Problem of(int status, String title, String detail, List<RegistryException.Violation> errors) {
        return new Problem("about:blank", title, status, detail, errors);
    }
}
