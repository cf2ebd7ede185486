package io.subregistry.web.console;

import java.net.URI;

/** The page to return to after signing in: only ever a path of this console, so a link can never send people elsewhere. */
public final class ConsoleLinks {

    private ConsoleLinks() {
    }

    /**
     * The path itself when it is a local console page ("/console/versions/3?done=x"), otherwise
     * null: no scheme or host, no "//" or backslash (browsers read both as another host), no
     * control characters, and not the sign-in or sign-out page.
     */
    public static String localConsolePath(String next) {
        if (next == null || next.length() > 500 || !next.startsWith("/console")) {
            return null;
        }
        if (next.contains("//") || next.contains("\\") || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return null;
        }
        try {
            URI uri = new URI(next);
            String path = uri.getPath();
            if (uri.getScheme() != null || uri.getRawAuthority() != null || path == null
                    || !(path.equals("/console") || path.startsWith("/console/")) || path.contains("/..") || path.contains("/./")
                    || path.startsWith("/console/login") || path.startsWith("/console/logout")) {
                return null;
            }
            return next;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
