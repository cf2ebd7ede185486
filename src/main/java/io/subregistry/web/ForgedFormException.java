package io.subregistry.web;

/** A form whose CSRF field does not match the browser's cookie: expired, or made by another site. */
public class ForgedFormException extends RuntimeException {

    public ForgedFormException() {
        super("the form's CSRF token does not match", null, false, false);
    }
}
