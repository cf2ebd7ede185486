package io.subregistry.notice.mail;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mail text rendered once for many recipients. Where a recipient's own value goes (a link token,
 * a name), the template is given {@link #slot(String)} instead of the value; the rendered text is
 * cut at the slots once ({@link #parse}), and each mail fills them in ({@link Skeleton#fill}).
 *
 * <p>A slot is letters and digits only, so it passes through Qute's HTML escaping and any URL
 * unchanged; its random part (new at every start) cannot be typed into the data by anyone. A
 * template must print a per-recipient value as it is: a method called on it in the template
 * (say {@code .toUpperCase}) would act on the slot, not on the value.
 */
public final class RecipientSlots {

    private static final String MARK = "zq" + salt() + "q";
    private static final Pattern SLOT = Pattern.compile(MARK + "([A-Za-z][A-Za-z0-9]*)qz");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private RecipientSlots() {
    }

    /** What to render in place of the per-recipient value {@code name}. */
    public static String slot(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a slot name is letters and digits: " + name);
        }
        return MARK + name + "qz";
    }

    /** How a filled-in value is written into the text. */
    public enum Escaping {
        /** Plain text: the value as it is. */
        TEXT,
        /** HTML sent as ASCII ({@link HtmlTransport}): escaped as Qute escapes, other than ASCII as character references. */
        HTML_ASCII
    }

    /** Rendered text cut at its slots. */
    public static Skeleton parse(String rendered, Escaping escaping) {
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Matcher matcher = SLOT.matcher(rendered);
        int at = 0;
        while (matcher.find()) {
            literals.add(rendered.substring(at, matcher.start()));
            names.add(matcher.group(1));
            at = matcher.end();
        }
        literals.add(rendered.substring(at));
        return new Skeleton(List.copyOf(literals), List.copyOf(names), escaping, rendered.length());
    }

    /** {@code literals.size() == names.size() + 1}: literal, slot, literal, …, literal. */
    public record Skeleton(List<String> literals, List<String> names, Escaping escaping, int length) {

        public boolean hasSlots() {
            return !names.isEmpty();
        }

        /** The text with every slot replaced by the recipient's value; a slot without a value is an error. */
        public String fill(Map<String, String> values) {
            if (names.isEmpty()) {
                return literals.get(0);
            }
            StringBuilder text = new StringBuilder(length + 64 * names.size());
            for (int i = 0; i < names.size(); i++) {
                text.append(literals.get(i));
                String value = values.get(names.get(i));
                if (value == null) {
                    throw new IllegalArgumentException("no value for the slot " + names.get(i));
                }
                if (escaping == Escaping.HTML_ASCII) {
                    HtmlTransport.escape(value, text);
                } else {
                    text.append(value);
                }
            }
            return text.append(literals.get(names.size())).toString();
        }
    }

    private static String salt() {
        SecureRandom random = new SecureRandom();
        StringBuilder salt = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            salt.append((char) ('a' + random.nextInt(26)));
        }
        return salt.toString();
    }
}
