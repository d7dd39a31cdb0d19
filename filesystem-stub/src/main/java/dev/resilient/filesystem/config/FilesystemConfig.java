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
}
