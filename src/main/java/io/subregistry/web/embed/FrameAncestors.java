package io.subregistry.web.embed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who may frame the embeddable list: this service itself and the configured origins, as the
 * value of a CSP {@code frame-ancestors} directive. An origin is exactly scheme://host[:port]:
 * a path, a wildcard or a quote would either be ignored by browsers (the site's frame then
 * silently breaks) or widen the policy beyond what the operator meant, so each is refused at start.
 */
public final class FrameAncestors {

    private final List<String> origins;

    private FrameAncestors(List<String> origins) {
        this.origins = List.copyOf(origins);
    }

    /**
     * The policy for the given origins (blank entries ignored, duplicates kept once, written in lower case).
     *
     * @throws IllegalArgumentException naming every entry that is not an origin, and why
     */
    public static FrameAncestors of(List<String> configured) {
        Set<String> origins = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (String entry : configured == null ? List.<String>of() : configured) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            String origin = entry.strip();
            String problem = problemOf(origin);
            if (problem == null) {
                origins.add(origin.toLowerCase(Locale.ROOT));
            } else {
                problems.add("\"" + origin + "\" " + problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("each must be an origin like https://www.example.com (scheme://host[:port],"
                    + " no path): " + String.join("; ", problems));
        }
        return new FrameAncestors(new ArrayList<>(origins));
    }

    /** The directive's sources: {@code 'self'} and the origins, e.g. {@code 'self' https://www.acme.example}. */
    public String sources() {
        StringBuilder sources = new StringBuilder("'self'");
        origins.forEach(origin -> sources.append(' ').append(origin));
        return sources.toString();
    }

    public List<String> origins() {
        return origins;
    }

    private static String problemOf(String origin) {
        if (!origin.matches("[A-Za-z][A-Za-z0-9+.-]*://[^\\s;,'\"*]+")) {
            return "is not scheme://host[:port]";
        }
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return "is not a valid address";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "must start with https:// (or http://)";
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return "has no host name (or has a user name)";
        }
        if (!(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "has a path, query or fragment (a frame is allowed per site, not per page)";
        }
        return null;
    }
}
