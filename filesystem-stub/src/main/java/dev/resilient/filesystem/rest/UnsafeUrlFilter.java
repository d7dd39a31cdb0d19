package dev.resilient.filesystem.rest;

import dev.resilient.kit.errors.JsonErrors;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;

/**
 * Answers 400 to a {@code /projects/...} URL with a '.' or '..' segment, literal or
 * percent-encoded ({@code %2e%2e}, also between {@code %2f} or {@code %5c}), or with an empty
 * segment ({@code a//b}). Vert.x would otherwise normalise such paths before routing, so
 * {@code files/%2e%2e/x} would quietly become another route and a 404 instead of the rejected
 * escape attempt it is. Encoded separators inside a file path are left to the file path rules.
 * Runs after the token check and fault injection.
 */
@ApplicationScoped
public class UnsafeUrlFilter {

    static final int PRIORITY = 400;
    private static final String PREFIX = "/projects/";
    private static final Pattern SEPARATOR = Pattern.compile("[/\\\\]|%2[fF]|%5[cC]");
    private static final Pattern ENCODED_DOT = Pattern.compile("%2[eE]");

    @RouteFilter(PRIORITY)
    void reject(RoutingContext rc) {
        String raw = rc.request().path();
        if (raw != null && raw.startsWith(PREFIX)) {
            if (hasDotSegment(raw)) {
                JsonErrors.end(rc, 400, "path must not contain '.' or '..' segments");
                return;
            }
            if (raw.contains("//")) {
                JsonErrors.end(rc, 400, "path must not contain empty segments");
                return;
            }
        }
        rc.next();
    }

    static boolean hasDotSegment(String rawPath) {
        for (String segment : SEPARATOR.split(rawPath, -1)) {
            String decoded = ENCODED_DOT.matcher(segment).replaceAll(".");
            if (decoded.equals(".") || decoded.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
