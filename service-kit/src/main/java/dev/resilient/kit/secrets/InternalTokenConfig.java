package dev.resilient.kit.secrets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The shared secret between the backend and the stubs: key {@code internal.token}, env
 * {@code INTERNAL_TOKEN}. The backend sends it in {@link InternalTokenHeader}, every stub requires it.
 */
@ConfigMapping(prefix = "internal")
public interface InternalTokenConfig {

    /** Marked development default: dev and test only; the production profile refuses to start with it. */
    String DEV_DEFAULT = "dev-internal-token-NOT-FOR-PRODUCTION";

    @WithDefault(DEV_DEFAULT)
    String token();
}
