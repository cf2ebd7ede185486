package io.subregistry.signing;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * What a version's signature covers, exactly: the UTF-8 bytes of
 * {@code subprocessor-list/v1\n{number}\n{effectiveAt}\n{hash}} without a trailing newline.
 * effectiveAt is written as the API writes it (ISO-8601 UTC, no fraction when there is none,
 * e.g. 2026-02-02T00:00:00Z), so a verifier can build the message from the API's JSON.
 */
public final class SignedMessage {

    public static final String FORMAT = "subprocessor-list/v1";

    private SignedMessage() {
    }

    public static String of(int number, Instant effectiveAt, String hash) {
        return FORMAT + "\n" + number + "\n" + DateTimeFormatter.ISO_INSTANT.format(effectiveAt) + "\n" + hash;
    }
}
