package io.subregistry.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.subregistry.platform.StorableText;
import io.subregistry.platform.error.ConflictException;
import io.subregistry.platform.error.ResourceNotFoundException;
import io.subregistry.security.AccountEvent.Kind;
import io.subregistry.security.session.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Staff accounts: creation by admins, sign-in checks, and the guard that an admin always remains. */
@ApplicationScoped
public class AccountService {

    static final int BCRYPT_COST = 12;
    /**
     * Compared against when the username is unknown, so both cases cost one bcrypt. Made on first
     * use, not at start-up, where it would cost half a second before the port opens.
     */
    private static final class Decoy {
        static final String HASH = BcryptUtil.bcryptHash("decoy password for unknown users", BCRYPT_COST);
    }

    private final StaffAccountRepository accounts;
    private final CredentialCache verified;
    private final SessionService sessions;
    private final Event<AccountEvent> events;
    private final Clock clock;

    public AccountService(StaffAccountRepository accounts, CredentialCache verified, SessionService sessions, Event<AccountEvent> events,
                          Clock clock) {
        this.accounts = accounts;
        this.verified = verified;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    /** The signed-in staff member, when the username and password match an enabled account. */
    public record Authenticated(String username, Set<String> roles) {
    }

    /** How a sign-in ended; {@code lockedUntil} is set when the account is locked. */
    public record SignIn(Authenticated staff, Instant lockedUntil) {
        public boolean succeeded() {
            return staff != null;
        }
    }

    public static final int MAX_FAILED_SIGN_INS = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);

    @Transactional
    public Optional<Authenticated> authenticate(String username, String password) {
        return Optional.ofNullable(signIn(username, password).staff());
    }

    /**
     * Checks a password. After {@value #MAX_FAILED_SIGN_INS} failures in a row an account is
     * locked for {@link #LOCKOUT}, even for the right password, which stops online guessing;
     * the counter lives in the database, so it holds across instances.
     */
    @Transactional
    public SignIn signIn(String username, String password) {
        // a name the database cannot hold (a NUL from a crafted Basic header) names no account
        Optional<StaffAccount> found = StorableText.isStorable(username)
                ? accounts.findByUsername(username.toLowerCase()) : Optional.empty();
        if (found.isEmpty()) {
            BcryptUtil.matches(password, Decoy.HASH);
            return new SignIn(null, null);
        }
        StaffAccount account = found.get();
        Instant now = Instant.now(clock);
        if (account.lockedUntil != null && account.lockedUntil.isAfter(now)) {
            return new SignIn(null, account.lockedUntil);
        }
        boolean matches = verified.isKnown(account.username, password, account.passwordHash)
                || BcryptUtil.matches(password, account.passwordHash);
        if (!matches) {
            return new SignIn(null, recordFailure(account.username, now));
        }
        if (account.disabled) {
            return new SignIn(null, null);
        }
        if (account.failedLogins > 0) {
            accounts.getEntityManager().createNativeQuery(
                            "update staff_account set failed_logins = 0, locked_until = null where username = ?1")
                    .setParameter(1, account.username).executeUpdate();
        }
        verified.remember(account.username, password, account.passwordHash);
        return new SignIn(new Authenticated(account.username, Set.of(account.roles)), null);
    }

    /** Counts a failed sign-in; returns the lock's end when this failure locked the account. */
    private Instant recordFailure(String username, Instant now) {
        Instant until = now.plus(LOCKOUT);
        Object lockedNow = accounts.getEntityManager().createNativeQuery("""
                        update staff_account
                           set failed_logins = case when failed_logins + 1 >= ?2 then 0 else failed_logins + 1 end,
                               locked_until = case when failed_logins + 1 >= ?2 then cast(?3 as timestamptz) else locked_until end
                         where username = ?1
                        returning failed_logins = 0 and locked_until = cast(?3 as timestamptz)""")
                .setParameter(1, username).setParameter(2, MAX_FAILED_SIGN_INS).setParameter(3, until)
                .getSingleResult();
        if (Boolean.TRUE.equals(lockedNow)) {
            events.fire(new AccountEvent("system", Kind.ACCOUNT_LOCKED, username,
                    Map.of("failedSignIns", MAX_FAILED_SIGN_INS, "until", until.toString())));
            return until;
        }
        return null;
    }

    @Transactional
    public AccountView create(NewAccount request, String actor) {
        PasswordPolicy.check(request.password());
        if (accounts.findByUsername(request.username()).isPresent()) {
            throw new ConflictException("an account named '" + request.username() + "' already exists");
        }
        StaffAccount account = new StaffAccount();
        account.id = UUID.randomUUID();
        account.username = request.username();
        account.passwordHash = BcryptUtil.bcryptHash(request.password(), BCRYPT_COST);
        account.roles = new TreeSet<>(request.roles()).toArray(String[]::new);
        account.createdAt = Instant.now(clock);
        account.createdBy = actor;
        accounts.persist(account);
        events.fire(new AccountEvent(actor, Kind.ACCOUNT_CREATED, account.username, Map.of("roles", List.of(account.roles))));
        return AccountView.of(account);
    }

    /** An invited account: it has a random password nobody knows until its owner sets one from the invitation. */
    @Transactional(Transactional.TxType.MANDATORY)
    AccountView createWithoutPassword(String username, Set<String> roles, String actor) {
        return create(new NewAccount(username, PasswordGenerator.generate(), roles), actor);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void setPasswordFromInvite(String username, String password) {
        PasswordPolicy.check(password);
        StaffAccount account = existing(username);
        account.passwordHash = BcryptUtil.bcryptHash(password, BCRYPT_COST);
        account.failedLogins = 0;
        account.lockedUntil = null;
        verified.forget(account.username);
    }

    @Transactional
    public List<AccountView> list() {
        return accounts.byUsername().stream().map(AccountView::of).toList();
    }

    @Transactional
    public AccountView get(String username) {
        return AccountView.of(existing(username));
    }

    @Transactional
    public AccountView setDisabled(String username, boolean disabled, String actor) {
        StaffAccount account = existing(username);
        if (account.disabled == disabled) {
            return AccountView.of(account);
        }
        if (disabled) {
            if (account.username.equals(actor)) {
                throw new ConflictException("you cannot disable your own account");
            }
            ensureAnotherAdmin(account);
        }
        account.disabled = disabled;
        verified.forget(account.username);
        int ended = disabled ? sessions.closeAll(account.username, null) : 0;
        events.fire(new AccountEvent(actor, disabled ? Kind.ACCOUNT_DISABLED : Kind.ACCOUNT_ENABLED, account.username,
                disabled ? Map.of("sessionsEnded", ended) : Map.of()));
        return AccountView.of(account);
    }

    /**
     * Sets a new password and ends the account's console sessions: a stolen session must not
     * outlive the password it was opened with. {@code actorSession} is the session the change
     * comes from (null on the API); it survives when staff change their own password.
     */
    @Transactional
    public AccountView changePassword(String username, String password, String actor, String actorSession) {
        PasswordPolicy.check(password);
        StaffAccount account = existing(username);
        account.passwordHash = BcryptUtil.bcryptHash(password, BCRYPT_COST);
        verified.forget(account.username);
        int ended = sessions.closeAll(account.username, account.username.equals(actor) ? actorSession : null);
        events.fire(new AccountEvent(actor, Kind.ACCOUNT_PASSWORD_CHANGED, account.username, Map.of("sessionsEnded", ended)));
        return AccountView.of(account);
    }

    /**
     * Replaces an account's roles and ends its console sessions, so that nobody goes on working
     * under a grant made for a different role; an admin changing their own roles keeps the
     * session the change comes from ({@code actorSession}, null on the API).
     */
    @Transactional
    public AccountView changeRoles(String username, Set<String> roles, String actor, String actorSession) {
        StaffAccount account = existing(username);
        if (Arrays.asList(account.roles).contains(Roles.ADMIN) && !roles.contains(Roles.ADMIN)) {
            ensureAnotherAdmin(account);
        }
        List<String> before = List.of(account.roles);
        account.roles = new TreeSet<>(roles).toArray(String[]::new);
        if (before.equals(List.of(account.roles))) {
            return AccountView.of(account);
        }
        int ended = sessions.closeAll(account.username, account.username.equals(actor) ? actorSession : null);
        events.fire(new AccountEvent(actor, Kind.ACCOUNT_ROLES_CHANGED, account.username,
                Map.of("before", before, "after", List.of(account.roles), "sessionsEnded", ended)));
        return AccountView.of(account);
    }

    /** True while the database has no staff account at all: the first start, before {@link #bootstrapAdmin}. */
    @Transactional
    public boolean hasNoAccounts() {
        return accounts.count() == 0;
    }

    /**
     * Creates the first admin with {@code password} on a database without accounts; true if this
     * call created it. Safe when several instances start at once: the loser's insert conflicts on
     * the username and it creates nothing.
     */
    @Transactional
    public boolean bootstrapAdmin(String password) {
        if (accounts.count() > 0) {
            return false;
        }
        int inserted = accounts.getEntityManager().createNativeQuery("""
                        insert into staff_account (id, username, password_hash, roles, created_at, created_by)
                        values (?1, 'admin', ?2, array['admin'], ?3, 'system')
                        on conflict (username) do nothing""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, BcryptUtil.bcryptHash(password, BCRYPT_COST))
                .setParameter(3, Instant.now(clock))
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        events.fire(new AccountEvent("system", Kind.ACCOUNT_CREATED, "admin", Map.of("roles", List.of(Roles.ADMIN))));
        return true;
    }

    private void ensureAnotherAdmin(StaffAccount account) {
        long otherAdmins = accounts.byUsername().stream()
                .filter(other -> !other.id.equals(account.id) && !other.disabled)
                .filter(other -> Arrays.asList(other.roles).contains(Roles.ADMIN))
                .count();
        if (otherAdmins == 0) {
            throw new ConflictException("'" + account.username + "' is the last enabled admin; make another admin first");
        }
    }

    private StaffAccount existing(String username) {
        return accounts.findByUsername(username)
                .orElseThrow(() -> new ResourceNotFoundException("there is no account '" + username + "'"));
    }
}
