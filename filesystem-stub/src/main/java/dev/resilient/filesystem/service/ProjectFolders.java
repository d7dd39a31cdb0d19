package dev.resilient.filesystem.service;

import dev.resilient.filesystem.config.FilesystemConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The on-disk layout: {@code <data-dir>/<project_id>/<file_path>}, plus {@code <data-dir>/.tmp}
 * for atomic overwrites (no project id can start with '.'). Every path handed out is proven to
 * stay inside its project folder, without passing through a symbolic link.
 */
@ApplicationScoped
public class ProjectFolders {

    private static final String TEMP_FOLDER = ".tmp";

    private final Path root;
    private final Path temp;

    ProjectFolders(FilesystemConfig config) {
        try {
            Path configured = Path.of(config.dataDir()).toAbsolutePath().normalize();
            Files.createDirectories(configured);
            this.root = configured.toRealPath();
            this.temp = Files.createDirectories(root.resolve(TEMP_FOLDER));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use filesystem.data-dir " + config.dataDir(), e);
        }
    }

    public Path root() {
        return root;
    }

    /** Folder for temporary files, on the same file system as the projects so moves are atomic. */
    public Path temp() {
        return temp;
    }

    /** The folder of a project, which may not exist yet. */
    public Path project(String projectId) {
        Path dir = root.resolve(projectId).normalize();
        if (!dir.startsWith(root) || dir.equals(root) || dir.getNameCount() != root.getNameCount() + 1
                || dir.getFileName().toString().startsWith(".")) {
            throw new BadRequestException("project_id is not a valid folder name");
        }
        if (Files.isSymbolicLink(dir)) {
            throw new BadRequestException("project '" + projectId + "' is a symbolic link");
        }
        return dir;
    }

    /** The folder of a project that has at least one saved file, or 404. */
    public Path existingProject(String projectId) {
        Path dir = project(projectId);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new NotFoundException("project '" + projectId + "' not found");
        }
        return dir;
    }

    /**
     * Resolves a checked relative path inside {@code projectDir}; 400 when the result would lie
     * outside it or pass through a symbolic link.
     */
    public Path resolve(Path projectDir, String filePath) {
        return resolve(projectDir, filePath, "file_path");
    }

    /** The same for a path given as {@code parameter} (the name that starts a 400's message). */
    public Path resolve(Path projectDir, String path, String parameter) {
        FilePathRules.check(parameter, path);
        Path target = projectDir.resolve(path).normalize();
        if (!target.startsWith(projectDir) || target.equals(projectDir)) {
            throw new BadRequestException(parameter + " leaves the project folder");
        }
        Path current = projectDir;
        for (Path part : projectDir.relativize(target)) {
            current = current.resolve(part);
            if (Files.isSymbolicLink(current)) {
                throw new BadRequestException(parameter + " passes through a symbolic link");
            }
        }
        return target;
    }

    /** {@code file} relative to {@code projectDir}, always with '/' as separator. */
    public static String relativeName(Path projectDir, Path file) {
        return StreamSupport.stream(projectDir.relativize(file).spliterator(), false)
                .map(Path::toString)
                .collect(Collectors.joining("/"));
    }
}
