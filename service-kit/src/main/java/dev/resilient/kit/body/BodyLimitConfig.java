package dev.resilient.kit.body;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The largest request body a service accepts: {@code api.body.max-bytes}, env {@code API_BODY_MAX_BYTES}. */
@ConfigMapping(prefix = "api.body")
public interface BodyLimitConfig {

    @WithDefault("1048576")
    long maxBytes();
}
