package dev.resilient.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The auth stub's settings; keys start with {@code auth.}. */
@ConfigMapping(prefix = "auth")
public interface AuthConfig {

    /** The users who may log in: {@code auth.users."<name>".password} and {@code .groups}. */
    Map<String, User> users();

    /** The {@code iss} claim of every token. */
    @WithDefault("resilient-suite-auth")
    String issuer();

    /** How long a token is valid ({@code exp - iat}), ISO-8601 ({@code PT1H}) or {@code 3600s}. */
    @WithDefault("PT1H")
    Duration tokenLifespan();

    /**
     * PEM file with a PKCS#8 RSA private key; set together with {@link #publicKeyLocation()}. A key
     * given this way is read-only: it is never rotated, and {@link #signingKey()} is not used.
     */
    Optional<String> privateKeyLocation();

    /** PEM file with the matching X.509 (SubjectPublicKeyInfo) RSA public key. */
    Optional<String> publicKeyLocation();

    /** The key file used when no key location is set. */
    SigningKeyFile signingKey();

    interface SigningKeyFile {

        /**
         * The signing keys' file ({@code AUTH_SIGNING_KEY_FILE}): read at start, created (mode 600)
         * with a new RSA 2048 key when missing, rewritten by a rotation. A relative path is resolved
         * against the working directory.
         */
        @WithDefault("data/auth/signing-key.pem")
        String file();
    }

    interface User {

        String password();

        /** The {@code groups} claim (roles); comma-separated in properties. */
        @WithDefault("user")
        List<String> groups();
    }
}
