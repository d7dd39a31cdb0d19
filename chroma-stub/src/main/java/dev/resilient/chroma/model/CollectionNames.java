package dev.resilient.chroma.model;

import java.util.regex.Pattern;

/** The one rule for collection names, shared by request bodies and path parameters. */
public final class CollectionNames {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    private CollectionNames() {
    }

    /**
     * @return {@code name} unchanged when it is valid
     * @throws IllegalArgumentException when it is missing or does not match {@code [A-Za-z0-9_.-]{1,128}}
     */
    public static String require(String name) {
        if (name == null) {
            throw new IllegalArgumentException("collection_name is required");
        }
        if (!VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("collection_name must match [A-Za-z0-9_.-]{1,128}");
        }
        return name;
    }
}
