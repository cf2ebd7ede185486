package io.subregistry.platform;

import io.subregistry.platform.error.InvalidInputException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Picks the representation for a resource that offers several: the client's most preferred type
 * that we offer, and our first offer (JSON) for wildcards such as {@code Accept: *}{@code /*}.
 * JAX-RS alone would choose arbitrarily between equally matching methods.
 */
public final class MediaNegotiation {

    private MediaNegotiation() {
    }

    private static final Map<String, MediaType> FORMATS = Map.of(
            "json", MediaType.APPLICATION_JSON_TYPE,
            "csv", MediaType.valueOf("text/csv"),
            "patch", MediaType.valueOf("application/json-patch+json"));

    /**
     * As {@link #choose(HttpHeaders, MediaType...)}, but a {@code ?format=json|csv|patch} query
     * parameter wins over Accept: links in pages and spreadsheets can't set headers.
     */
    public static MediaType choose(HttpHeaders headers, String format, MediaType... offered) {
        if (format == null || format.isBlank()) {
            return choose(headers, offered);
        }
        MediaType wanted = FORMATS.get(format.strip().toLowerCase(Locale.ROOT));
        for (MediaType offer : offered) {
            if (offer.equals(wanted)) {
                return offer;
            }
        }
        String known = Arrays.stream(offered).map(type -> FORMATS.entrySet().stream()
                .filter(entry -> entry.getValue().equals(type)).map(Map.Entry::getKey).findFirst().orElse(type.toString()))
                .collect(Collectors.joining(", "));
        throw new InvalidInputException("format must be one of " + known);
    }

    public static MediaType choose(HttpHeaders headers, MediaType... offered) {
        List<String> header = headers.getRequestHeader(HttpHeaders.ACCEPT);
        if (header != null && header.size() == 1) {
            // the usual request names exactly one type we offer: no parsing needed
            for (MediaType offer : offered) {
                if (names(header.get(0), offer)) {
                    return offer;
                }
            }
        }
        List<MediaType> accepted = accepted(header);
        for (MediaType wanted : accepted) {
            for (MediaType offer : offered) {
                if (!wanted.isWildcardType() && !wanted.isWildcardSubtype() && wanted.isCompatible(offer)) {
                    return offer;
                }
            }
            for (MediaType offer : offered) {
                if (wanted.isCompatible(offer)) {
                    return offer;
                }
            }
        }
        return offered[0];
    }

    /** Whether {@code value} is exactly {@code type/subtype} (case aside) with no parameters. */
    private static boolean names(String value, MediaType type) {
        int slash = type.getType().length();
        return value.length() == slash + 1 + type.getSubtype().length() && value.charAt(slash) == '/'
                && type.getParameters().isEmpty()
                && value.regionMatches(true, 0, type.getType(), 0, slash)
                && value.regionMatches(true, slash + 1, type.getSubtype(), 0, type.getSubtype().length());
    }

    /**
     * The media types of the Accept headers, most preferred (highest q) first. Read leniently: an
     * element that does not parse is skipped, and an empty or absent header means any type, as
     * RFC 9110 treats a missing one; junk in a header never fails a request.
     */
    static List<MediaType> accepted(List<String> headers) {
        List<MediaType> types = new java.util.ArrayList<>();
        for (String header : headers == null ? List.<String>of() : headers) {
            for (String element : header.split(",")) {
                if (element.isBlank()) {
                    continue;
                }
                try {
                    types.add(MediaType.valueOf(element.strip()));
                } catch (RuntimeException unreadable) {
                    // not a media type: as if it had not been sent
                }
            }
        }
        if (types.isEmpty()) {
            return List.of(MediaType.WILDCARD_TYPE);
        }
        types.sort(java.util.Comparator.comparingDouble(MediaNegotiation::quality).reversed());
        return types;
    }

    private static double quality(MediaType type) {
        try {
            double q = Double.parseDouble(type.getParameters().getOrDefault("q", "1"));
            return Double.isNaN(q) ? 0 : q;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
