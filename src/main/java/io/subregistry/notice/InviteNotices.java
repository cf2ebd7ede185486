package io.subregistry.notice;

import io.subregistry.notice.TokenService.Purpose;
import io.subregistry.security.InviteIssued;
import io.subregistry.security.InviteLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Staff invitations go out through the notice outbox, with links made like every other mail link. */
@ApplicationScoped
public class InviteNotices implements InviteLinks {

    private final TokenService tokens;
    private final NoticeRepository notices;
    private final Clock clock;

    public InviteNotices(TokenService tokens, NoticeRepository notices, Clock clock) {
        this.tokens = tokens;
        this.notices = notices;
        this.clock = clock;
    }

    @Override
    public String token(UUID invite, UUID nonce) {
        return tokens.token(Purpose.INVITE, invite, nonce);
    }

    @Override
    public String hash(String token) {
        return TokenService.hash(token);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onInvite(@Observes InviteIssued invite) {
        notices.queueInvite(invite.invite(), invite.email(), Instant.now(clock));
    }
}
