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
