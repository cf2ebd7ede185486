package io.subregistry.security;

import java.util.UUID;

/**
 * The link tokens of invitations, made by the service that makes every mail link (so an outbox
 * can rebuild a link when it resends the mail): an HMAC of the invitation and its nonce, stored hashed.
 */
public interface InviteLinks {

    String token(UUID invite, UUID nonce);

    String hash(String token);
}
