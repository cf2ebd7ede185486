package io.subregistry.security;

import java.util.Map;

/**
 * Something that happened to a staff account, fired inside the transaction of the change. The
 * audit log observes these and writes each down, so security needs no dependency on audit.
 */
public record AccountEvent(String actor, Kind kind, String username, Map<String, Object> details) {

    /** Named as the audit actions they become. */
    public enum Kind {
        ACCOUNT_CREATED,
        ACCOUNT_DISABLED,
        ACCOUNT_ENABLED,
        ACCOUNT_PASSWORD_CHANGED,
        ACCOUNT_ROLES_CHANGED,
        ACCOUNT_LOCKED,
        SIGNED_IN,
        SIGNED_OUT,
        ACCOUNT_INVITED,
        ACCOUNT_INVITE_ACCEPTED
    }
}
