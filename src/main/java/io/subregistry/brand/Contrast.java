package io.subregistry.brand;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * WCAG 2 contrast of an accent colour against white. The accent is used both as text on white
 * and behind white text, so it must reach 4.5:1 (AA for normal text) either way; a colour that
 * does not is refused, so no brand can make the pages fail an accessibility check.
 */
public final class Contrast {

    public static final double MINIMUM = 4.5;
    private static final Pattern HEX = Pattern.compile("#?[0-9a-fA-F]{6}|#?[0-9a-fA-F]{3}");

    private Contrast() {
    }

    /** The colour as lower-case {@code #rrggbb}, or null when it is not a hex colour. */
    public static String normalise(String colour) {
        if (colour == null || !HEX.matcher(colour.strip()).matches()) {
            return null;
        }
        String hex = colour.strip().replace("#", "").toLowerCase(Locale.ROOT);
        if (hex.length() == 3) {
            hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
        }
        return "#" + hex;
    }

    /** The contrast ratio of {@code #rrggbb} against white, from 1 to 21. */
    public static double againstWhite(String rrggbb) {
        int rgb = Integer.parseInt(rrggbb.substring(1), 16);
        double luminance = 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
        return 1.05 / (luminance + 0.05);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
