package dev.resilient.llm.model;

import java.util.Set;

/** One message of a conversation, in requests and in the answer's {@code choices[].message}. */
public record ChatMessage(String role, String content) {

    public static final String SYSTEM = "system";
    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";
    public static final Set<String> ROLES = Set.of(SYSTEM, USER, ASSISTANT, "tool");
    public static final int MAX_CONTENT_CHARS = 100_000;

    /**
     * @param index the message's position, named in the error
     * @throws IllegalArgumentException naming the first rule the message breaks
     */
    public void validate(int index) {
        String where = "messages[" + index + "]";
        if (role == null || !ROLES.contains(role)) {
            throw new IllegalArgumentException(where + ".role must be one of system, user, assistant, tool");
        }
        if (content == null) {
            throw new IllegalArgumentException(where + ".content must be a string");
        }
        if (content.length() > MAX_CONTENT_CHARS) {
            throw new IllegalArgumentException(where + ".content must be at most " + MAX_CONTENT_CHARS + " characters");
        }
    }

    public boolean hasRole(String expected) {
        return expected.equals(role);
    }
}
