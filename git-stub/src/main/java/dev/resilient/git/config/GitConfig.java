package dev.resilient.git.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Keys start with {@code git.} (env {@code GIT_...}). */
@ConfigMapping(prefix = "git")
public interface GitConfig {

    /**
     * Folder for one JSON-lines file per project (env {@code GIT_DATA_DIR}), reloaded at start.
     * Unset: history lives in memory only and is gone on restart.
     */
    Optional<String> dataDir();

    /**
     * Most bytes of history one tenant holds over all its projects, so that one tenant cannot fill
     * the stub's heap (every snapshot stays in memory). A project's tenant is its id up to
     * {@code __} (the backend names projects {@code <user>__<project>}); an id without {@code __} is a
     * tenant of its own. A snapshot weighs the UTF-8 bytes of its message and project id plus 256
     * for its ids, time and sequence. History is append-only, as in git: a snapshot that would take
     * the tenant past the bound answers 507 and is not recorded, and the tenant stays at the bound
     * (the backend's snapshot is nice to have: its job succeeds with {@code git_failed}). What a
     * previous run persisted counts from the start. The default, 8 MiB, is about 28,000 snapshots of
     * the backend's short messages. Env {@code GIT_MAX_BYTES_PER_TENANT}.
     */
    @WithDefault("8388608")
    long maxBytesPerTenant();
}
