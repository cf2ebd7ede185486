package io.subregistry.security;

import io.subregistry.platform.error.GoneException;
import io.subregistry.platform.error.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Invitations: an admin creates an account without a password and its owner sets one from a
 * mailed link that works once, until it expires. A new invitation retires the account's earlier ones.
 */
@ApplicationScoped
public class InviteService {

    /** Long enough for a weekend, short enough that a forgotten mail is not a standing key. */
    public static final Duration VALIDITY = Duration.ofHours(72);

    private final AccountService accounts;
    private final StaffInviteRepository invites;
    private final InviteLinks links;
    private final Event<InviteIssued> issued;
    private final Event<AccountEvent> events;
    private final Clock clock;

    public InviteService(AccountService accounts, StaffInviteRepository invites, InviteLinks links, Event<InviteIssued> issued,
                         Event<AccountEvent> events, Clock clock) {
        this.accounts = accounts;
        this.invites = invites;
        this.links = links;
        this.issued = issued;
        this.events = events;
        this.clock = clock;
    }

    /** What an invitation mail says. */
    public record InviteMail(String username, String token, Instant expiresAt) {
    }

    /** Creates the account (it cannot sign in until its password is set) and queues the invitation mail. */
    @Transactional
    public AccountView invite(NewInvite request, String actor) {
        AccountView account = accounts.createWithoutPassword(request.username(), request.roles(), actor);
        Instant now = Instant.now(clock);
        StaffInvite invite = new StaffInvite();
        invite.id = UUID.randomUUID();
        invite.username = account.username();
        invite.email = request.email().strip();
        invite.nonce = UUID.randomUUID();
        invite.tokenHash = links.hash(links.token(invite.id, invite.nonce));
        invite.createdAt = now;
        invite.createdBy = actor;
        invite.expiresAt = now.plus(VALIDITY);
        invites.persist(invite);
        events.fire(new AccountEvent(actor, AccountEvent.Kind.ACCOUNT_INVITED, account.username(),
                Map.of("expires", invite.expiresAt.toString())));
        issued.fire(new InviteIssued(invite.id, invite.email));
        return account;
    }

    /** The invitation a link stands for, while it can still be used; otherwise why not. */
    @Transactional
    public String usernameFor(String token) {
        return usable(token).username;
    }

    /** Sets the account's password and uses the invitation up. */
    @Transactional
    public String accept(String token, String password) {
        StaffInvite invite = usable(token);
        accounts.setPasswordFromInvite(invite.username, password);
        invite.usedAt = Instant.now(clock);
        events.fire(new AccountEvent(invite.username, AccountEvent.Kind.ACCOUNT_INVITE_ACCEPTED, invite.username, Map.of()));
        return invite.username;
    }

    /** The mail of an invitation that can still be used; empty when it was used or expired before it could be sent. */
    @Transactional
    public Optional<InviteMail> mailOf(UUID id) {
        return invites.findByIdOptional(id).filter(invite -> invite.usableAt(Instant.now(clock)))
                .map(invite -> new InviteMail(invite.username, links.token(invite.id, invite.nonce), invite.expiresAt));
    }

    private StaffInvite usable(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            throw new ResourceNotFoundException("this invitation link is not valid; it may have been cut or mistyped");
        }
        StaffInvite invite = invites.findByTokenHash(links.hash(token))
                .orElseThrow(() -> new ResourceNotFoundException("this invitation link is not valid"));
        if (invite.usedAt != null) {
            throw new GoneException("this invitation was already used; sign in with the password you set,"
                    + " or ask an admin for a new invitation");
        }
        if (!invite.expiresAt.isAfter(Instant.now(clock))) {
            throw new GoneException("this invitation expired; ask an admin for a new one");
        }
        return invite;
    }
}
