package io.subregistry.listformat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Who publishes the list ({@code registry.company.*}), as the machine-readable list names it. */
@ConfigMapping(prefix = "registry.company")
public interface CompanyConfig {

    /** The company's name (REGISTRY_COMPANY_NAME). */
    @WithDefault("Example Company")
    String name();

    /** The company's web site, if it should be named. */
    Optional<String> url();
}
