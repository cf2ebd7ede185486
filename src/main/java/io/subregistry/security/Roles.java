package io.subregistry.security;

import java.util.Set;

/** The staff roles of docs/DESIGN.md. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String LEGAL = "legal";
    public static final String AUDITOR = "auditor";

    public static final Set<String> ALL = Set.of(ADMIN, LEGAL, AUDITOR);

    private Roles() {
    }
}
