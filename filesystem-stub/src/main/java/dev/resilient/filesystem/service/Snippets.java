package dev.resilient.filesystem.service;

import java.util.regex.Pattern;

/** Cuts a readable excerpt of about {@value #WIDTH} characters centred on a hit. */
public final class Snippets {

    public static final int WIDTH = 160;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Snippets() {
    }

    public static String around(String text, int hitStart, int hitLength) {
        int before = Math.max(0, (WIDTH - hitLength) / 2);
        int start = Math.max(0, hitStart - before);
        int end = Math.min(text.length(), start + WIDTH);
        start = Math.max(0, Math.min(start, end - WIDTH));
        if (start > 0 && Character.isLowSurrogate(text.charAt(start))) {
            start++;
        }
        if (end < text.length() && end > start && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return WHITESPACE.matcher(text.substring(start, end)).replaceAll(" ").strip();
    }
}
