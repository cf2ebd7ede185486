package io.subregistry.notice.mail;

/**
 * Makes text safe for a mail header: whatever legal staff or subscribers typed, a CR or LF
 * must never start a new header (injection), and very long values are cut.
 */
public final class MailHeaders {

    static final int MAX_SUBJECT = 150;

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
}
