package io.subregistry.security.session;

import io.subregistry.audit.AuditAction;
import io.subregistry.audit.AuditLog;
import io.subregistry.security.AccountService.Authenticated;
import io.subregistry.security.StaffAccount;
import io.subregistry.security.StaffAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Staff console sessions, kept in the database: any instance can serve a signed-in user, a
 * logout ends the session everywhere, and a password change, a disable or a role change of an
 * account ends its sessions at once.
 * The cookie holds a 256-bit random token; only its SHA-256 is stored.
 */
@ApplicationScoped
public class SessionService {

    /** A session ends after this long, however busy. */
    static final Duration ABSOLUTE = Duration.ofHours(8);
    /** ... or after this long without a request. */
    static final Duration IDLE = Duration.ofMinutes(60);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager entityManager;
    private final StaffAccountRepository accounts;
    private final AuditLog audit;
    private final Clock clock;

    public SessionService(EntityManager entityManager, StaffAccountRepository accounts, AuditLog audit, Clock clock) {
        this.entityManager = entityManager;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Starts a session for someone who just signed in; returns the cookie's token. */
    @Transactional
    public String open(String username) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now(clock);
        entityManager.createNativeQuery("""
                        insert into staff_session (token_hash, username, created_at, last_seen_at, expires_at)
                        values (?1, ?2, ?3, ?3, ?4)""")
                .setParameter(1, hash(token)).setParameter(2, username).setParameter(3, now)
                .setParameter(4, now.plus(ABSOLUTE)).executeUpdate();
        audit.record(username, AuditAction.SIGNED_IN, username, Map.of("via", "console"));
        return token;
    }

    /** The staff member a live session belongs to; empty for unknown, expired or idle sessions and disabled accounts. */
    @Transactional
    public Optional<Authenticated> resolve(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        List<?> rows = entityManager.createNativeQuery("""
                        select username, last_seen_at from staff_session
                         where token_hash = ?1 and expires_at > ?2 and last_seen_at > ?3""")
                .setParameter(1, hash(token)).setParameter(2, now).setParameter(3, now.minus(IDLE))
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        String username = (String) row[0];
        Instant lastSeen = toInstant(row[1]);
        Optional<StaffAccount> account = accounts.findByUsername(username).filter(found -> !found.disabled);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        if (lastSeen.plus(TOUCH_EVERY).isBefore(now)) {
            entityManager.createNativeQuery("update staff_session set last_seen_at = ?2 where token_hash = ?1")
                    .setParameter(1, hash(token)).setParameter(2, now).executeUpdate();
        }
        return Optional.of(new Authenticated(username, Set.of(account.get().roles)));
    }

    @Transactional
    public void close(String token) {
        if (token == null) {
            return;
        }
        List<?> ended = entityManager.createNativeQuery("delete from staff_session where token_hash = ?1 returning username")
                .setParameter(1, hash(token)).getResultList();
        ended.forEach(username -> audit.record((String) username, AuditAction.SIGNED_OUT, (String) username, Map.of()));
    }

    /**
     * Ends every session of an account but {@code keep} (the session making the change, when it
     * is the account's own; null for none): after a password change, a disable or a role change,
     * whoever held a session must sign in again. Returns how many ended.
     */
    @Transactional
    public int closeAll(String username, String keep) {
        return entityManager.createNativeQuery("delete from staff_session where username = ?1 and token_hash <> ?2")
                .setParameter(1, username).setParameter(2, keep == null ? "" : hash(keep)).executeUpdate();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }
}
