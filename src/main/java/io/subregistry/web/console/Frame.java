package io.subregistry.web.console;

import io.subregistry.security.Roles;

import java.util.Set;

/**
 * What every console page shows around its content: who is signed in, what their roles let
 * them reach, the CSRF token for its forms, a one-line outcome of the last action, and which
 * part of the console the page belongs to (marked in the navigation).
 */
public record Frame(String user, Set<String> roles, String csrf, String flash, String flashTone, String area) {

    public boolean isLegal() {
        return roles.contains(Roles.LEGAL);
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    public boolean isReader() {
        return roles.contains(Roles.AUDITOR) || roles.contains(Roles.LEGAL) || roles.contains(Roles.ADMIN);
    }

    /** Whether the page is in this part of the console: overview, draft, publish, versions, webhooks, audit or accounts. */
    public boolean isAt(String part) {
        return part.equals(area);
    }

    public Frame withFlash(String text, String tone) {
        return new Frame(user, roles, csrf, text, tone, area);
    }

    /** The part of the console a path is in. */
    static String areaOf(String path) {
        String rest = path.startsWith("/console") ? path.substring("/console".length()) : path;
        String first = rest.replaceFirst("^/", "").split("/", 2)[0];
        return switch (first) {
            case "" -> "overview";
            case "draft", "publish", "versions", "customers", "webhooks", "audit", "accounts", "settings" -> first;
            default -> null;
        };
    }
}
