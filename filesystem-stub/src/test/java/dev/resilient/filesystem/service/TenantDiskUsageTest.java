package dev.resilient.filesystem.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resilient.filesystem.config.FilesystemConfig;
import dev.resilient.filesystem.model.SaveFileRequest;
import dev.resilient.kit.errors.ErrorBody;
import jakarta.ws.rs.WebApplicationException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store without the app: a tenant's bytes on disk are bounded, counted by delta, and measured again at start. */
class TenantDiskUsageTest {

    private static final long LIMIT = 1000;

    @TempDir
    Path dir;

    private FileStore store() {
        FilesystemConfig config = new FilesystemConfig() {
            @Override
            public String dataDir() {
                return dir.toString();
            }

            @Override
            public int maxContentBytes() {
                return 4096;
            }

            @Override
            public long maxFileBytes() {
                return 4096;
            }

            @Override
            public long maxBytesPerTenant() {
                return LIMIT;
            }
        };
        ProjectFolders folders = new ProjectFolders(config);
        return new FileStore(folders, new FileLocks(), new TextFiles(config), config, new TenantDiskUsage(folders, config));
    }

    private static SaveFileRequest save(String project, String path, int bytes, String mode) {
        return new SaveFileRequest(project, path, "x".repeat(bytes), mode);
    }

    @Test
    void aTenantPastItsBytesGets507AndNothingWrittenWhileAnotherTenantStillSaves() {
        FileStore store = store();
        store.save(save("alice__a", "one.md", 600, "overwrite"));
        WebApplicationException e = assertThrows(WebApplicationException.class,
                () -> store.save(save("alice__b", "two.md", 401, "overwrite")));
        assertEquals(507, e.getResponse().getStatus());
        assertEquals("tenant storage full: at most 1000 bytes of files per tenant (filesystem.max-bytes-per-tenant);"
                + " this tenant holds 600 and the request adds 401", ((ErrorBody) e.getResponse().getEntity()).error());
        assertFalse(Files.exists(dir.resolve("alice__b/two.md")));
        assertThrows(WebApplicationException.class, () -> store.save(save("alice__a", "one.md", 401, "append")));
        assertEquals(600, store.read("alice__a", "one.md").content().length());

        assertEquals(1000, store.save(save("bob__a", "one.md", 1000, "overwrite")).size());
    }

    @Test
    void anOverwriteCountsTheDifferenceSoTheSameSizeFitsAndASmallerOneFreesRoom() {
        FileStore store = store();
        store.save(save("alice__a", "doc.md", 1000, "overwrite"));
        assertEquals(1000, store.save(save("alice__a", "doc.md", 1000, "overwrite")).size());
        assertThrows(WebApplicationException.class, () -> store.save(save("alice__a", "other.md", 1, "overwrite")));
        store.save(save("alice__a", "doc.md", 300, "overwrite"));
        assertEquals(700, store.save(save("alice__a", "other.md", 700, "overwrite")).size());
    }

    @Test
    void whatIsOnDiskAtStartCountsAgainstItsTenant() throws Exception {
        store().save(save("alice__a", "doc.md", 900, "overwrite"));
        Files.writeString(Files.createDirectories(dir.resolve("alice__b/docs")).resolve("by-hand.md"), "y".repeat(50));

        FileStore restarted = store();
        WebApplicationException e = assertThrows(WebApplicationException.class,
                () -> restarted.save(save("alice__c", "doc.md", 51, "overwrite")));
        assertEquals(507, e.getResponse().getStatus());
        restarted.save(save("alice__c", "doc.md", 50, "overwrite"));
        restarted.save(save("bob", "doc.md", 1000, "overwrite"));
    }
}
