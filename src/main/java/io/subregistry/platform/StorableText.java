package io.subregistry.platform;

/**
 * What PostgreSQL can store as text: no NUL character and no lone surrogate (which has no UTF-8
 * form). Input that breaks this is refused where it is decoded, before it reaches a query.
 */
public final class StorableText {

    private StorableText() {
    }

    public static boolean isStorable(String value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
            if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
