package dev.resilient.git.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Keys start with {@code git.} (env {@code GIT_...}). */
@ConfigMapping(prefix = "git")
public interface GitConfig {

    /**
     * Folder for one JSON-lines file per project (env {@code GIT_DATA_DIR}), reloaded at start.
     * Unset: history lives in memory only and is gone on restart.
     */
    Optional<String> dataDir();
}
