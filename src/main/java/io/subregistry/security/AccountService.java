package io.subregistry.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.subregistry.audit.AuditAction;
import io.subregistry.audit.AuditLog;
import io.subregistry.platform.error.ConflictException;
import io.subregistry.platform.error.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
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
    /** Compared against when the username is unknown, so both cases cost one bcrypt. */
    private static final String DECOY_HASH = BcryptUtil.bcryptHash("decoy password for unknown users", BCRYPT_COST);

    private final StaffAccountRepository accounts;
    private final CredentialCache verified;
    private final AuditLog audit;
    private final Clock clock;

    public AccountService(StaffAccountRepository accounts, CredentialCache verified, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.verified = verified;
        this.audit = audit;
        this.clock = clock;
    }

    /** The signed-in staff member, when the username and password match an enabled account. */
    public record Authenticated(String username, Set<String> roles) {
    }

    @Transactional
    public Optional<Authenticated> authenticate(String username, String password) {
        Optional<StaffAccount> found = accounts.findByUsername(username.toLowerCase());
        if (found.isEmpty()) {
            BcryptUtil.matches(password, DECOY_HASH);
            return Optional.empty();
        }
        StaffAccount account = found.get();
        boolean matches = verified.isKnown(account.username, password, account.passwordHash)
                || BcryptUtil.matches(password, account.passwordHash);
        if (!matches || account.disabled) {
            return Optional.empty();
        }
        verified.remember(account.username, password, account.passwordHash);
        return Optional.of(new Authenticated(account.username, Set.of(account.roles)));
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
        audit.record(actor, AuditAction.ACCOUNT_CREATED, account.username, Map.of("roles", List.of(account.roles)));
        return AccountView.of(account);
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
        audit.record(actor, disabled ? AuditAction.ACCOUNT_DISABLED : AuditAction.ACCOUNT_ENABLED, account.username, Map.of());
        return AccountView.of(account);
    }

    @Transactional
    public AccountView changePassword(String username, String password, String actor) {
        PasswordPolicy.check(password);
        StaffAccount account = existing(username);
        account.passwordHash = BcryptUtil.bcryptHash(password, BCRYPT_COST);
        verified.forget(account.username);
        audit.record(actor, AuditAction.ACCOUNT_PASSWORD_CHANGED, account.username, Map.of());
        return AccountView.of(account);
    }

    @Transactional
    public AccountView changeRoles(String username, Set<String> roles, String actor) {
        StaffAccount account = existing(username);
        if (Arrays.asList(account.roles).contains(Roles.ADMIN) && !roles.contains(Roles.ADMIN)) {
            ensureAnotherAdmin(account);
        }
        List<String> before = List.of(account.roles);
        account.roles = new TreeSet<>(roles).toArray(String[]::new);
        audit.record(actor, AuditAction.ACCOUNT_ROLES_CHANGED, account.username,
                Map.of("before", before, "after", List.of(account.roles)));
        return AccountView.of(account);
    }

    /**
     * Creates the first admin on a database without accounts. Returns the password when it was
     * generated (so the caller can show it once), empty when it came from configuration or an
     * account already existed. Safe when several instances start at once: the loser's insert
     * conflicts on the username and it creates nothing.
     */
    @Transactional
    public Optional<String> bootstrapAdmin(Optional<String> configuredPassword) {
        if (accounts.count() > 0) {
            return Optional.empty();
        }
        String password = configuredPassword.filter(p -> !p.isBlank()).orElseGet(PasswordGenerator::generate);
        int inserted = accounts.getEntityManager().createNativeQuery("""
                        insert into staff_account (id, username, password_hash, roles, created_at, created_by)
                        values (?1, 'admin', ?2, array['admin'], ?3, 'system')
                        on conflict (username) do nothing""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, BcryptUtil.bcryptHash(password, BCRYPT_COST))
                .setParameter(3, Instant.now(clock))
                .executeUpdate();
        if (inserted == 0) {
            return Optional.empty();
        }
        audit.record("system", AuditAction.ACCOUNT_CREATED, "admin", Map.of("roles", List.of(Roles.ADMIN)));
        return configuredPassword.filter(p -> !p.isBlank()).isPresent() ? Optional.empty() : Optional.of(password);
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
