package dev.resilient.stubkit.security;

import dev.resilient.kit.errors.JsonErrors;
import dev.resilient.kit.hash.Hashes;
import dev.resilient.kit.secrets.InternalTokenConfig;
import dev.resilient.kit.secrets.InternalTokenHeader;
import dev.resilient.stubkit.config.StubConfig;
import dev.resilient.stubkit.web.ExemptPaths;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Rejects every request without the right {@code X-INTERNAL-TOKEN} with 401, before any
 * endpoint or fault runs. Health, Quarkus endpoints and configured public paths are exempt.
 * A Vert.x route filter rather than a JAX-RS filter so it also guards non-REST routes. The token
 * ({@code internal.token}) and its production check live in service-kit ({@code dev.resilient.kit.secrets}).
 */
@ApplicationScoped
public class InternalTokenFilter {

    static final int PRIORITY = 1000;

    private final byte[] expectedSha256;
    private final List<String> publicPaths;

    InternalTokenFilter(InternalTokenConfig tokenConfig, StubConfig stubConfig) {
        this.expectedSha256 = Hashes.sha256(tokenConfig.token());
        this.publicPaths = stubConfig.publicPaths().orElse(List.of());
    }

    @RouteFilter(PRIORITY)
    void check(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (isPublic(path) || matches(rc.request().getHeader(InternalTokenHeader.NAME))) {
            rc.next();
            return;
        }
        JsonErrors.end(rc, 401, "missing or invalid " + InternalTokenHeader.NAME);
    }

    /** Constant-time comparison of digests, so the answer time tells nothing about the secret. */
    boolean matches(String presented) {
        return Hashes.matchesSha256(expectedSha256, presented);
    }

    private boolean isPublic(String path) {
        if (ExemptPaths.isHealth(path) || ExemptPaths.isQuarkusEndpoint(path)) {
            return true;
        }
        for (String p : publicPaths) {
            if (p.endsWith("*") ? path.startsWith(p.substring(0, p.length() - 1)) : path.equals(p)) {
                return true;
            }
        }
        return false;
    }
}
