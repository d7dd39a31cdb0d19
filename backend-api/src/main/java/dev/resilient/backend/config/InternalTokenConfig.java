package dev.resilient.backend.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The secret the backend sends to every stub: key {@code internal.token}, env {@code INTERNAL_TOKEN}. */
@ConfigMapping(prefix = "internal")
public interface InternalTokenConfig {

    /** Marked development default, the same as the stubs'; never use it outside a laptop or CI. */
    String DEV_DEFAULT = "dev-internal-token-NOT-FOR-PRODUCTION";

    @WithDefault(DEV_DEFAULT)
    String token();
}
