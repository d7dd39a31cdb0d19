package dev.resilient.billing.model;

import java.util.regex.Pattern;

/** The shape of an account id: {@code [A-Za-z0-9_.@-]{1,64}}. */
public final class AccountIds {

    public static final String PATTERN = "[A-Za-z0-9_.@-]{1,64}";
    public static final String RULE = "must be 1 to 64 characters of A-Z, a-z, 0-9, '_', '.', '@', '-'";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private AccountIds() {
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
