package dev.resilient.backend.service;

import dev.resilient.backend.api.SearchHit;
import java.util.List;

/** The answer chat gives when no language model can: it says so and lists what was found. */
final class DegradedAnswer {

    static final int PASSAGE_CHARS = 300;

    private DegradedAnswer() {
    }

    static String compose(String question, List<SearchHit> passages) {
        StringBuilder b = new StringBuilder("The assistant is temporarily unavailable, so this is not a generated answer.");
        if (passages.isEmpty()) {
            b.append(" No passages were found for your question either; please try again later.");
            return b.toString();
        }
        b.append(" These passages matched your question:");
        for (SearchHit p : passages) {
            String text = p.text() == null ? "" : p.text();
            b.append("\n- ").append(text.length() > PASSAGE_CHARS ? text.substring(0, PASSAGE_CHARS) + "..." : text);
        }
        return b.toString();
    }
}
