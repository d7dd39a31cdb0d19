package dev.resilient.deploycheck.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** YAML reading (SnakeYAML, safe constructor: merge keys and anchors as Compose uses them) and map navigation. */
public final class Yaml {

    private Yaml() {
    }

    /** Every document of a file, empty documents left out. */
    public static List<Object> documents(Path file) {
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions()));
        try {
            List<Object> docs = new ArrayList<>();
            for (Object doc : yaml.loadAll(Files.readString(file))) {
                if (doc != null) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one document of a file, as a map. */
    public static Map<String, Object> single(Path file) {
        List<Object> docs = documents(file);
        if (docs.size() != 1 || !(docs.get(0) instanceof Map)) {
            throw new IllegalStateException(file + " should hold one YAML mapping, found " + docs.size() + " documents");
        }
        return map(docs.get(0));
    }

    /** The value at a path of keys, or null where any step is missing. */
    public static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object node) {
        return node instanceof Map ? (Map<String, Object>) node : Map.of();
    }

    public static List<Object> list(Object node) {
        if (node instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return List.of();
    }

    public static String string(Object node) {
        return node == null ? null : String.valueOf(node);
    }
}
