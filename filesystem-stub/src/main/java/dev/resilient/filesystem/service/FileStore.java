package dev.resilient.filesystem.service;

import dev.resilient.filesystem.config.FilesystemConfig;
import dev.resilient.filesystem.model.FileContent;
import dev.resilient.filesystem.model.FileEntry;
import dev.resilient.filesystem.model.FileListing;
import dev.resilient.filesystem.model.SaveFileRequest;
import dev.resilient.filesystem.model.SaveFileResponse;
import dev.resilient.filesystem.model.WriteMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Saves, lists and reads project files on disk. Writes to one file are serialised; an
 * overwrite goes to a temporary file first and is moved into place atomically, so a reader sees
 * the old or the new content, never half of it.
 */
@ApplicationScoped
public class FileStore {

    private final ProjectFolders folders;
    private final FileLocks locks;
    private final TextFiles textFiles;
    private final FilesystemConfig config;
    private final TenantDiskUsage usage;

    FileStore(ProjectFolders folders, FileLocks locks, TextFiles textFiles, FilesystemConfig config, TenantDiskUsage usage) {
        this.usage = usage;
        this.folders = folders;
        this.locks = locks;
        this.textFiles = textFiles;
        this.config = config;
    }

    /**
     * Appends to or overwrites one file of the project (see {@code SaveFileResource} for the answers).
     *
     * @throws WebApplicationException 413 for content over {@code filesystem.max-content-bytes} or an append past
     *                                 {@code filesystem.max-file-bytes}, 507 when the project's tenant would exceed
     *                                 {@code filesystem.max-bytes-per-tenant} (nothing is written), 409 for a path that is
     *                                 or runs through the wrong kind of entry, 400 for a bad project id or path
     */
    public SaveFileResponse save(SaveFileRequest request) {
        byte[] bytes = request.content().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > config.maxContentBytes()) {
            throw tooLarge("content larger than " + config.maxContentBytes() + " bytes");
        }
        Path target = folders.resolve(folders.project(request.projectId()), request.filePath());
        ReentrantLock lock = locks.forFile(target);
        lock.lock();
        try {
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw conflict("file_path '" + request.filePath() + "' is a folder");
            }
            boolean created = !Files.exists(target, LinkOption.NOFOLLOW_LINKS);
            long existing = created ? 0 : Files.size(target);
            boolean overwrite = request.writeMode() == WriteMode.OVERWRITE;
            if (!overwrite && existing + bytes.length > config.maxFileBytes()) {
                throw tooLarge("file would grow beyond " + config.maxFileBytes() + " bytes");
            }
            long delta = overwrite ? bytes.length - existing : bytes.length;
            usage.adjust(request.projectId(), delta);
            try {
                createParents(target, request.filePath());
                if (overwrite) {
                    overwrite(target, bytes);
                } else {
                    append(target, bytes);
                }
            } catch (IOException | RuntimeException e) {
                usage.undo(request.projectId(), delta);
                throw e;
            }
            return new SaveFileResponse(request.projectId(), request.filePath(), Files.size(target), created);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + target, e);
        } finally {
            lock.unlock();
        }
    }

    public FileListing list(String projectId) {
        Path dir = folders.existingProject(projectId);
        try (Stream<Path> walk = Files.walk(dir)) {
            List<FileEntry> files = walk
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> entry(dir, p))
                    .flatMap(Optional::stream)
                    .sorted(Comparator.comparing(FileEntry::path))
                    .toList();
            return new FileListing(projectId, files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    public FileContent read(String projectId, String filePath) {
        FilePathRules.check(filePath);
        Path dir = folders.existingProject(projectId);
        Path file = folders.resolve(dir, filePath);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new NotFoundException("file '" + filePath + "' not found in project '" + projectId + "'");
        }
        try {
            String content = textFiles.read(file).orElseThrow(() -> new WebApplicationException(
                    "file '" + filePath + "' is not UTF-8 text of at most " + config.maxFileBytes() + " bytes", 422));
            return new FileContent(projectId, filePath, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void append(Path target, byte[] bytes) throws IOException {
        Files.write(target, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
    }

    private void overwrite(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(folders.temp(), "save-", ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void createParents(Path target, String filePath) throws IOException {
        try {
            Files.createDirectories(target.getParent());
        } catch (FileAlreadyExistsException | NotDirectoryException e) {
            throw conflict("a parent folder of file_path '" + filePath + "' is a file");
        }
    }

    private static Optional<FileEntry> entry(Path dir, Path file) {
        String name = ProjectFolders.relativeName(dir, file);
        if (!FilePathRules.isValid(name)) {
            return Optional.empty(); // placed by hand under a name the API could never read back
        }
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return Optional.of(new FileEntry(name, attrs.size(), attrs.lastModifiedTime().toInstant()));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // deleted while listing
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WebApplicationException tooLarge(String message) {
        return new WebApplicationException(message, Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }

    private static WebApplicationException conflict(String message) {
        return new WebApplicationException(message, Response.Status.CONFLICT);
    }
}
