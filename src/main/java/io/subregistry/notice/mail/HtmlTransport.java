package io.subregistry.notice.mail;

/**
 * The form in which a mail's HTML part goes on the wire: ASCII only (every other character as a
 * numeric character reference) in lines of at most {@value #LINE} characters, joined at the
 * template's line breaks. The mail client then sends the part as {@code 7bit} as it is, instead
 * of encoding it as quoted-printable in lines of 76 (its largest cost per mail on the event loop,
 * see bench/README.md) and writing each of those ~70 lines to the socket separately.
 *
 * <p>A browser shows the result exactly as the original: a line break between two lines of HTML
 * is white space, as is the space that replaces it, and a character reference stands for its
 * character in text and attribute values. (Not in {@code <style>}, {@code <script>} or
 * {@code <pre>}, which the mail templates must therefore not use with non-ASCII text or
 * meaningful line breaks.) A line of the template longer than the limit is left as it is;
 * the mail client then falls back to quoted-printable for that mail, which is correct, only slower.
 */
public final class HtmlTransport {

    /** Below SMTP's 998, with room for per-recipient values longer than their slots. */
    static final int LINE = 800;

    private HtmlTransport() {
    }

    /** {@code html} as ASCII in packed lines. */
    public static String pack(String html) {
        StringBuilder out = new StringBuilder(html.length() + 64);
        int lineStart = 0;
        int from = 0;
        while (from < html.length()) {
            int end = html.indexOf('\n', from);
            if (end < 0) {
                end = html.length();
            }
            int before = out.length();
            if (from > 0) {
                out.append(' ');
            }
            ascii(html, from, end, out);
            if (from > 0 && out.length() - lineStart > LINE) {
                // too long with this line: break before it instead
                out.setCharAt(before, '\n');
                lineStart = before + 1;
            }
            from = end + 1;
        }
        if (html.endsWith("\n")) {
            out.append('\n');
        }
        return out.toString();
    }

    /** Escapes {@code value} as Qute's HTML escaper does, and writes every non-ASCII character as a reference. */
    static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> i = appendAscii(value, i, out);
            }
        }
    }

    private static void ascii(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            i = appendAscii(text, i, out);
        }
    }

    /** Appends the character at {@code i}, as a reference if it is not ASCII; returns the index of its last char. */
    private static int appendAscii(String text, int i, StringBuilder out) {
        char c = text.charAt(i);
        if (c < 0x80 && c != '\r') {
            out.append(c);
            return i;
        }
        if (c == '\r') {
            return i;
        }
        int codePoint = text.codePointAt(i);
        out.append("&#").append(codePoint).append(';');
        return i + Character.charCount(codePoint) - 1;
    }
}
