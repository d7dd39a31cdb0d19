package dev.resilient.backend.it.soak;

import java.util.List;
import java.util.Random;

/** A few words to build documents, questions and queries from. */
final class Words {

    private static final List<String> WORDS = List.of("kiwi", "volcano", "lava", "breaker", "circuit", "retry",
            "timeout", "river", "granite", "comet", "orbit", "harbor", "lantern", "meadow", "glacier", "falcon");

    private Words() {
    }

    static String sentence(Random random) {
        StringBuilder s = new StringBuilder();
        int n = 3 + random.nextInt(5);
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : " ").append(WORDS.get(random.nextInt(WORDS.size())));
        }
        return s.toString();
    }
}
