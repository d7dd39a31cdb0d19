package dev.resilient.filesystem.service;

import dev.resilient.filesystem.config.FilesystemConfig;
import dev.resilient.stubkit.quota.TenantQuota;
import dev.resilient.stubkit.quota.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The bytes each tenant's files take on disk, bounded by {@code filesystem.max-bytes-per-tenant}.
 * Measured once from the data dir when created, so what a previous run (or an operator) left
 * counts, then kept up to date by {@link FileStore}'s writes.
 */
@ApplicationScoped
public class TenantDiskUsage {

    private final TenantQuota quota;

    TenantDiskUsage(ProjectFolders folders, FilesystemConfig config) {
        this.quota = new TenantQuota("filesystem.max-bytes-per-tenant", config.maxBytesPerTenant(), "bytes of files");
        measure(folders.root());
    }

    /**
     * Counts {@code delta} bytes more (negative: fewer) for the tenant of {@code projectId}.
     *
     * @throws WebApplicationException 507 with {@code {"error"}} naming the limit when growing would exceed it; nothing is counted then
     */
    public void adjust(String projectId, long delta) {
        quota.adjust(Tenants.of(projectId), delta);
    }

    /** Takes back an {@link #adjust} whose write did not happen. */
    public void undo(String projectId, long delta) {
        quota.add(Tenants.of(projectId), -delta);
    }

    /** Bytes the tenant of {@code projectId} holds now. */
    public long used(String projectId) {
        return quota.used(Tenants.of(projectId));
    }

    private void measure(Path root) {
        try (Stream<Path> projects = Files.list(root)) {
            for (Path project : (Iterable<Path>) projects::iterator) {
                String name = project.getFileName().toString();
                if (!name.startsWith(".") && Files.isDirectory(project, LinkOption.NOFOLLOW_LINKS)) {
                    quota.add(Tenants.of(name), sizeOf(project));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure filesystem.data-dir " + root, e);
        }
    }

    private static long sizeOf(Path dir) throws IOException {
        long total = 0;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) walk::iterator) {
                try {
                    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                        total += Files.size(file);
                    }
                } catch (NoSuchFileException e) {
                    // removed while measuring: it takes no room
                }
            }
        }
        return total;
    }
}
