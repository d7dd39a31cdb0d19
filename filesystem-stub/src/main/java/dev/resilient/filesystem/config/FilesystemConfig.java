package dev.resilient.filesystem.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where and how much the filesystem stub stores; keys start with {@code filesystem.} (env {@code FILESYSTEM_...}). */
@ConfigMapping(prefix = "filesystem")
public interface FilesystemConfig {

    /** Folder holding one sub-folder per project (env {@code FILESYSTEM_DATA_DIR}); relative to the working directory. */
    @WithDefault("data/filesystem")
    String dataDir();

    /** Largest {@code content} one {@code /save_file} call may carry, in UTF-8 bytes. */
    @WithDefault("1048576")
    int maxContentBytes();

    /** Largest a file may grow through appends, and the largest file read or searched, in bytes. */
    @WithDefault("16777216")
    long maxFileBytes();

    /**
     * Most bytes of files one tenant holds over all its projects, so that one tenant cannot fill the
     * disk the others write to. A project's tenant is its id up to {@code __} (the backend names
     * projects {@code <user>__<project>}); an id without {@code __} is a tenant of its own. A save
     * that would take the tenant past it answers 507 and writes nothing; an overwrite counts the
     * difference in size, so a smaller file frees room. What is on disk is measured at start.
     * Env {@code FILESYSTEM_MAX_BYTES_PER_TENANT}; default 256 MiB.
     */
    @WithDefault("268435456")
    long maxBytesPerTenant();
}
