package dev.resilient.filesystem.service;

import dev.resilient.filesystem.model.SearchHit;
import dev.resilient.filesystem.model.SearchResults;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Case-insensitive full-text search over a project's text files. The query is split on
 * whitespace into distinct terms; a file's score is how often the terms occur in it.
 */
@ApplicationScoped
public class TextSearch {

    private final ProjectFolders folders;
    private final TextFiles textFiles;

    TextSearch(ProjectFolders folders, TextFiles textFiles) {
        this.folders = folders;
        this.textFiles = textFiles;
    }

    /**
     * Best {@code limit} files of the project for {@code query}; 404 when the project has no folder.
     * {@code under} (null: the whole project) limits the search to one folder of the project, e.g. the
     * ingested documents without the chat history; no hits when that folder does not exist (yet).
     */
    public SearchResults search(String projectId, String query, int limit, String under) {
        Path dir = folders.existingProject(projectId);
        Path start = under == null ? dir : folders.resolve(dir, under, "under");
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            return new SearchResults(List.of());
        }
        List<Pattern> terms = Arrays.stream(query.strip().split("\\s+"))
                .map(t -> t.toLowerCase(Locale.ROOT))
                .distinct()
                .map(t -> Pattern.compile(Pattern.quote(t), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList();
        List<SearchHit> hits = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(start)) {
            for (Path file : (Iterable<Path>) walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))::iterator) {
                String name = ProjectFolders.relativeName(dir, file);
                if (FilePathRules.isValid(name)) {
                    Optional<String> text = textFiles.read(file);
                    text.flatMap(t -> score(name, t, terms)).ifPresent(hits::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + dir, e);
        }
        return new SearchResults(hits.stream()
                .sorted(Comparator.comparingInt(SearchHit::score).reversed().thenComparing(SearchHit::path))
                .limit(limit)
                .toList());
    }

    private static Optional<SearchHit> score(String name, String text, List<Pattern> terms) {
        int score = 0;
        int firstStart = -1;
        int firstLength = 0;
        for (Pattern term : terms) {
            Matcher m = term.matcher(text);
            boolean first = true;
            while (m.find()) {
                score++;
                if (first && (firstStart < 0 || m.start() < firstStart)) {
                    firstStart = m.start();
                    firstLength = m.end() - m.start();
                }
                first = false;
            }
        }
        return score == 0 ? Optional.empty()
                : Optional.of(new SearchHit(name, Snippets.around(text, firstStart, firstLength), score));
    }
}
