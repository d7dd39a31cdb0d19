package dev.resilient.auth.service;

import dev.resilient.auth.config.AuthConfig;
import dev.resilient.kit.hash.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The users of {@code auth.users}, checked without leaking through timing which names exist or
 * how much of a password matched: both sides are hashed to a fixed length and compared in constant
 * time ({@link Hashes#matchesSha256}), and an unknown name is compared against a dummy.
 */
@ApplicationScoped
public class UserDirectory {

    /** A known user: the digest of the password and the groups to put in the token, in configured order. */
    private record Entry(byte[] passwordDigest, Set<String> groups) {
    }

    private static final byte[] NO_SUCH_USER = Hashes.sha256("\0no such user\0");

    private final Map<String, Entry> users = new HashMap<>();

    UserDirectory(AuthConfig config) {
        config.users().forEach((name, user) -> {
            if (user.password().isEmpty()) {
                throw new IllegalStateException("auth.users.\"" + name + "\".password must not be empty");
            }
            users.put(name, new Entry(Hashes.sha256(user.password()), Collections.unmodifiableSet(new LinkedHashSet<>(user.groups()))));
        });
    }

    /** @return the user's groups when {@code username} exists and {@code password} is theirs */
    public Optional<Set<String>> authenticate(String username, String password) {
        Entry entry = users.get(username);
        byte[] expected = entry == null ? NO_SUCH_USER : entry.passwordDigest();
        boolean matches = Hashes.matchesSha256(expected, password);
        return entry != null && matches ? Optional.of(entry.groups()) : Optional.empty();
    }
}
