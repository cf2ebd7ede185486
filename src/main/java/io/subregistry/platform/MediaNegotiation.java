package io.subregistry.platform;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * Picks the representation for a resource that offers several: the client's most preferred type
 * that we offer, and our first offer (JSON) for wildcards such as {@code Accept: *}{@code /*}.
 * JAX-RS alone would choose arbitrarily between equally matching methods.
 */
public final class MediaNegotiation {

    private MediaNegotiation() {
    }

    private static final java.util.Map<String, MediaType> FORMATS = java.util.Map.of(
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
        MediaType wanted = FORMATS.get(format.strip().toLowerCase(java.util.Locale.ROOT));
        for (MediaType offer : offered) {
            if (offer.equals(wanted)) {
                return offer;
            }
        }
        String known = java.util.Arrays.stream(offered).map(type -> FORMATS.entrySet().stream()
                .filter(entry -> entry.getValue().equals(type)).map(java.util.Map.Entry::getKey).findFirst().orElse(type.toString()))
                .collect(java.util.stream.Collectors.joining(", "));
        throw new io.subregistry.platform.error.InvalidInputException("format must be one of " + known);
    }

    public static MediaType choose(HttpHeaders headers, MediaType... offered) {
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
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
}
