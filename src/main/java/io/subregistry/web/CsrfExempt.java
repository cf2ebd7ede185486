package io.subregistry.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Forms whose address carries a token that is itself the authorisation (links in mails): they
 * need no CSRF token, and RFC 8058 one-click unsubscribe posts arrive from mail clients without cookies.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CsrfExempt {
}
