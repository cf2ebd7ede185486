package io.subregistry.notice.mail;

/**
 * Puts a rendered HTML part into the cheapest form a mail can carry it in: ASCII only (every other
 * character becomes a numeric character reference, which HTML reads as the same character) and
 * its lines packed up to {@value #LINE_LIMIT} characters (a line break and a space are the same
 * whitespace to HTML outside {@code <pre>}, which the mail templates don't use).
 *
 * <p>Why: the mailer sends a part that is plain ASCII with lines under 998 characters as 7bit,
 * line by line, and anything else as quoted-printable in 76-character lines. A notice's HTML
 * shrinks from about 55 quoted-printable lines to a handful, and the mailer writes each line
 * to the socket separately (a mail went from 103 lines to 54).
 */
final class HtmlBody {

    /** Well under RFC 5321's 998, so that a line never needs folding. */
    static final int LINE_LIMIT = 900;

    private HtmlBody() {
    }

    static String compact(String html) {
        StringBuilder out = new StringBuilder(html.length() + 64);
        int lineLength = 0;
        for (String line : html.split("\r?\n", -1)) {
            String ascii = asciiOnly(line.strip());
            if (ascii.isEmpty()) {
                continue;
            }
            if (lineLength > 0 && lineLength + 1 + ascii.length() > LINE_LIMIT) {
                out.append('\n');
                lineLength = 0;
            } else if (lineLength > 0) {
                out.append(' ');
                lineLength++;
            }
            out.append(ascii);
            lineLength += ascii.length();
        }
        return out.append('\n').toString();
    }

    private static String asciiOnly(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            boolean plain = codePoint >= 0x20 && codePoint < 0x7f || codePoint == '\t';
            if (!plain && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (plain) {
                    out.appendCodePoint(codePoint);
                } else if (Character.isISOControl(codePoint)) {
                    out.append(' ');
                } else {
                    out.append("&#").append(codePoint).append(';');
                }
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }
}
