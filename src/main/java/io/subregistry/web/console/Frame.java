package io.subregistry.web.console;

import io.subregistry.security.Roles;

import java.util.Set;

/**
 * What every console page shows around its content: who is signed in, what their roles let
 * them reach, the CSRF token for its forms, and a one-line outcome of the last action.
 */
public record Frame(String user, Set<String> roles, String csrf, String flash, String flashTone) {

    public boolean isLegal() {
        return roles.contains(Roles.LEGAL);
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    public boolean isReader() {
        return roles.contains(Roles.AUDITOR) || roles.contains(Roles.LEGAL) || roles.contains(Roles.ADMIN);
    }

    public Frame withFlash(String text, String tone) {
        return new Frame(user, roles, csrf, text, tone);
    }
}
