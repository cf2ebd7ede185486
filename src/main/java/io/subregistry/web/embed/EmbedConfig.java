package io.subregistry.web.embed;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

/** Settings of the embeddable list ({@code registry.embed.*}). */
@ConfigMapping(prefix = "registry.embed")
public interface EmbedConfig {

    /**
     * The sites whose pages may show {@code /embed} in a frame, as origins
     * ({@code https://www.acme.example}, comma-separated). Checked at start; none: only this service's own pages.
     */
    Optional<List<String>> allowedOrigins();
}
