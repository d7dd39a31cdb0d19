package dev.resilient.stubkit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The shared secret between the backend and the stubs: key {@code internal.token}, env {@code INTERNAL_TOKEN}. */
@ConfigMapping(prefix = "internal")
public interface InternalTokenConfig {

    /** Marked development default: never use it outside a laptop or CI. */
    String DEV_DEFAULT = "dev-internal-token-NOT-FOR-PRODUCTION";

    @WithDefault(DEV_DEFAULT)
    String token();
}
