package io.subregistry.security.session;

import io.subregistry.platform.database.Sql;
import io.subregistry.security.AccountEvent;
import io.subregistry.security.AccountEvent.Kind;
import io.subregistry.security.AccountService.Authenticated;
import io.subregistry.security.StaffAccount;
import io.subregistry.security.StaffAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

    private record LiveSession(String username, Instant lastSeen) {
    }

    private final Sql sql;
    private final StaffAccountRepository accounts;
    private final Event<AccountEvent> events;
    private final Clock clock;

    public SessionService(Sql sql, StaffAccountRepository accounts, Event<AccountEvent> events, Clock clock) {
        this.sql = sql;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** Starts a session for someone who just signed in; returns the cookie's token. */
    @Transactional
    public String open(String username) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now(clock);
        sql.update("open a session", """
                insert into staff_session (token_hash, username, created_at, last_seen_at, expires_at)
                values (?, ?, ?, ?, ?)""", insert -> {
            insert.setString(1, hash(token));
            insert.setString(2, username);
            insert.setTimestamp(3, Timestamp.from(now));
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setTimestamp(5, Timestamp.from(now.plus(ABSOLUTE)));
        });
        events.fire(new AccountEvent(username, Kind.SIGNED_IN, username, Map.of("via", "console")));
        return token;
    }

    /** The staff member a live session belongs to; empty for unknown, expired or idle sessions and disabled accounts. */
    @Transactional
    public Optional<Authenticated> resolve(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        List<LiveSession> live = sql.list("read a session", """
                select username, last_seen_at from staff_session
                 where token_hash = ? and expires_at > ? and last_seen_at > ?""", select -> {
            select.setString(1, hash(token));
            select.setTimestamp(2, Timestamp.from(now));
            select.setTimestamp(3, Timestamp.from(now.minus(IDLE)));
        }, row -> new LiveSession(row.getString(1), row.getTimestamp(2).toInstant()));
        if (live.isEmpty()) {
            return Optional.empty();
        }
        String username = live.get(0).username();
        Instant lastSeen = live.get(0).lastSeen();
        Optional<StaffAccount> account = accounts.findByUsername(username).filter(found -> !found.disabled);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        if (lastSeen.plus(TOUCH_EVERY).isBefore(now)) {
            sql.update("touch a session", "update staff_session set last_seen_at = ? where token_hash = ?", update -> {
                update.setTimestamp(1, Timestamp.from(now));
                update.setString(2, hash(token));
            });
        }
        return Optional.of(new Authenticated(username, Set.of(account.get().roles)));
    }

    @Transactional
    public void close(String token) {
        if (token == null) {
            return;
        }
        List<String> ended = sql.list("close a session", "delete from staff_session where token_hash = ? returning username",
                delete -> delete.setString(1, hash(token)), row -> row.getString(1));
        ended.forEach(username -> events.fire(new AccountEvent(username, Kind.SIGNED_OUT, username, Map.of())));
    }

    /**
     * Ends every session of an account but {@code keep} (the session making the change, when it
     * is the account's own; null for none): after a password change, a disable or a role change,
     * whoever held a session must sign in again. Returns how many ended.
     */
    @Transactional
    public int closeAll(String username, String keep) {
        return sql.update("end sessions", "delete from staff_session where username = ? and token_hash <> ?", delete -> {
            delete.setString(1, username);
            delete.setString(2, keep == null ? "" : hash(keep));
        });
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
