package dev.resilient.llm.service;

import java.util.regex.Pattern;

/** The stub's tokenizer: one token per whitespace-separated word. */
public final class TokenCounter {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private TokenCounter() {
    }

    public static int count(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : WHITESPACE.split(stripped).length;
    }
}
