package dev.resilient.git.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resilient.git.config.GitConfig;
import dev.resilient.stubkit.model.ProjectIds;
import dev.resilient.git.model.Snapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Keeps snapshots on disk when {@code git.data-dir} is set: {@code <data-dir>/<project_id>.jsonl},
 * one JSON object per line, appended in sequence order. Without a data dir it does nothing.
 */
@ApplicationScoped
public class SnapshotJournal {

    private static final Logger LOG = Logger.getLogger(SnapshotJournal.class);
    private static final String SUFFIX = ".jsonl";

    private final Optional<Path> dir;
    private final ObjectMapper mapper;

    SnapshotJournal(GitConfig config, ObjectMapper mapper) {
        this.mapper = mapper;
        this.dir = config.dataDir().filter(d -> !d.isBlank()).map(d -> {
            try {
                return Files.createDirectories(Path.of(d).toAbsolutePath().normalize());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot use git.data-dir " + d, e);
            }
        });
    }

    public boolean persistent() {
        return dir.isPresent();
    }

    /** Appends one snapshot to its project's file. */
    public void append(Snapshot snapshot) {
        if (dir.isEmpty()) {
            return;
        }
        Path file = dir.get().resolve(snapshot.projectId() + SUFFIX);
        try {
            Files.writeString(file, mapper.writeValueAsString(snapshot) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist snapshot of project " + snapshot.projectId(), e);
        }
    }

    /**
     * Reads every project's snapshots back, each list in sequence order. Lines that do not parse
     * (a write cut short by a crash) are skipped with a warning, and a file whose last line was
     * cut short gets a line break so the next append starts a fresh line.
     */
    public Map<String, List<Snapshot>> load() {
        Map<String, List<Snapshot>> result = new TreeMap<>();
        if (dir.isEmpty()) {
            return result;
        }
        try (Stream<Path> files = Files.list(dir.get())) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (!name.endsWith(SUFFIX) || !Files.isRegularFile(file)) {
                    continue;
                }
                String projectId = name.substring(0, name.length() - SUFFIX.length());
                if (!projectId.matches(ProjectIds.PATTERN)) {
                    LOG.warnf("Ignoring %s: not a project id", file);
                    continue;
                }
                List<Snapshot> snapshots = read(file, projectId);
                if (!snapshots.isEmpty()) {
                    result.put(projectId, snapshots);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read git.data-dir " + dir.get(), e);
        }
        return result;
    }

    private List<Snapshot> read(Path file, String projectId) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<Snapshot> snapshots = new ArrayList<>();
        int lineNumber = 0;
        for (String line : text.split("\n")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                Snapshot s = mapper.readValue(line, Snapshot.class);
                if (!projectId.equals(s.projectId()) || s.snapshotId() == null || s.createdAt() == null) {
                    throw new IllegalArgumentException("incomplete or foreign snapshot");
                }
                snapshots.add(s);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                LOG.warnf("Skipping line %d of %s: %s", lineNumber, file, e.getMessage());
            }
        }
        if (!text.isEmpty() && !text.endsWith("\n")) {
            Files.writeString(file, "\n", StandardOpenOption.APPEND);
        }
        snapshots.sort(Comparator.comparingLong(Snapshot::sequence));
        return snapshots;
    }
}
