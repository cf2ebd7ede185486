package io.subregistry.notice;

import java.time.Instant;
import java.util.UUID;

/** A notice this instance holds a lease on and is about to send; an INVITE has an invitation instead of a subscriber. */
public record ClaimedNotice(UUID id, UUID subscriberId, Integer versionNumber, NoticeKind kind, String recipient,
                            int attempts, Instant leaseExpiresAt, UUID inviteId) {

    public ClaimedNotice(UUID id, UUID subscriberId, Integer versionNumber, NoticeKind kind, String recipient,
                         int attempts, Instant leaseExpiresAt) {
        this(id, subscriberId, versionNumber, kind, recipient, attempts, leaseExpiresAt, null);
    }
}
