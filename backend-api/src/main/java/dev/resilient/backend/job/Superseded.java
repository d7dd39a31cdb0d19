package dev.resilient.backend.job;

import java.util.Arrays;
import java.util.List;

/** The {@code superseded} column: the ids of a job's documents it skipped, comma-separated (ids never hold a comma). */
final class Superseded {

    /** The column's width. */
    private static final int MAX_CHARS = 1000;

    private Superseded() {
    }

    static List<String> parse(String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split(","));
    }

    /** Null for none; ids past the column's width are counted by the job's {@code indexed} only. */
    static String format(List<String> ids) {
        if (ids.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String id : ids) {
            if (out.length() + id.length() + 1 > MAX_CHARS) {
                break;
            }
            out.append(out.isEmpty() ? "" : ",").append(id);
        }
        return out.toString();
    }
}
