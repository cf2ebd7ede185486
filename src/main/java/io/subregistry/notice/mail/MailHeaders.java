package io.subregistry.notice.mail;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Makes text safe for a mail header: whatever legal staff or subscribers typed, a CR or LF
 * must never start a new header (injection), and very long values are cut. Text that is not
 * plain ASCII words (a company name with an umlaut, a German subject) is written as RFC 2047
 * encoded-words, each a whole number of characters, so no decoder sees half a character.
 */
public final class MailHeaders {

    static final int MAX_SUBJECT = 150;
    /** RFC 2047: an encoded-word is at most 75 characters; "=?UTF-8?Q?" and "?=" take 12 of them. */
    private static final int WORD_PAYLOAD = 75 - 12;
    /** A display name that can stand as it is: atoms and spaces (no specials, no "=?" that would look encoded). */
    private static final Pattern PLAIN_PHRASE = Pattern.compile("[A-Za-z0-9!#$%&'*+/^_`{|}~ -]+");

    private MailHeaders() {
    }

    public static String sanitize(String value, int maxLength) {
        if (value == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(Math.min(value.length(), maxLength));
        boolean lastWasSpace = false;
        for (int i = 0; i < value.length() && clean.length() < maxLength; i++) {
            char c = value.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (space) {
                if (!lastWasSpace && clean.length() > 0) {
                    clean.append(' ');
                }
                lastWasSpace = true;
            } else {
                clean.append(c);
                lastWasSpace = false;
            }
        }
        String result = clean.toString().strip();
        if (value.strip().length() > result.length() && result.length() >= maxLength - 1) {
            result = result.substring(0, Math.max(0, maxLength - 1)).strip() + "…";
        }
        return result;
    }

    public static String subject(String value) {
        return sanitize(value, MAX_SUBJECT);
    }

    /**
     * A mailbox for From: {@code "Acme Health <notices@acme.example>"}. The name is flattened to one
     * line and, unless it is plain words, encoded (a comma, parenthesis or quote in a company name
     * would otherwise change how the address is read); without a name, the address alone.
     */
    public static String mailbox(String displayName, String address) {
        String name = phrase(displayName, 100);
        return name.isEmpty() ? address : name + " <" + address + ">";
    }

    /** A phrase (a display name, a List-Id description) on one line: as it is when plain words, else encoded-words. */
    public static String phrase(String text, int maxLength) {
        String clean = sanitize(text, maxLength);
        return clean.isEmpty() || PLAIN_PHRASE.matcher(clean).matches() ? clean : encodedWords(clean, " ");
    }

    /**
     * A subject as it goes on the wire: printable ASCII as it is, anything else as encoded-words
     * separated by spaces on one line (the mail client refuses a line break in a subject, and its
     * own encoding may cut a word inside a character). A 150-character subject stays far below
     * SMTP's 998.
     */
    public static String wireSubject(String subject) {
        String clean = subject(subject);
        boolean ascii = clean.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        return ascii ? clean : encodedWords(clean, " ");
    }

    /** The address part of "Name <address>" (or the whole value when it has no angle brackets). */
    public static String addressOf(String mailbox) {
        String value = sanitize(mailbox, 300);
        int open = value.lastIndexOf('<');
        int close = value.lastIndexOf('>');
        return open >= 0 && close > open ? value.substring(open + 1, close).strip() : value;
    }

    /** RFC 2047 "Q" encoded-words (UTF-8) for a phrase or a subject, each at most 75 characters, split between characters. */
    static String encodedWords(String text, String separator) {
        StringBuilder out = new StringBuilder();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(codePoint -> {
            String encoded = qEncoded(codePoint);
            if (word.length() + encoded.length() > WORD_PAYLOAD) {
                out.append(out.isEmpty() ? "" : separator).append("=?UTF-8?Q?").append(word).append("?=");
                word.setLength(0);
            }
            word.append(encoded);
        });
        if (!word.isEmpty()) {
            out.append(out.isEmpty() ? "" : separator).append("=?UTF-8?Q?").append(word).append("?=");
        }
        return out.toString();
    }

    /** One character in Q encoding as a phrase allows it (RFC 2047 5(3)): letters, digits, a few signs; space as "_". */
    private static String qEncoded(int codePoint) {
        if (codePoint == ' ') {
            return "_";
        }
        if (codePoint < 0x80 && (Character.isLetterOrDigit(codePoint) || "!*+-/".indexOf(codePoint) >= 0)) {
            return Character.toString(codePoint);
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : Character.toString(codePoint).getBytes(StandardCharsets.UTF_8)) {
            hex.append('=').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
        }
        return hex.toString();
    }
}
