package io.subregistry.security;

import java.util.UUID;

/** An invitation was made, in the transaction that made it: its mail is queued in the same transaction. */
public record InviteIssued(UUID invite, String email) {
}
