package dev.resilient.backend.rest;

import dev.resilient.backend.service.Namespace;
import dev.resilient.kit.errors.ApiError;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller's namespace from the verified token (never from the body). */
final class Namespaces {

    private Namespaces() {
    }

    static Namespace of(JsonWebToken jwt, String projectId) {
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            throw ApiError.of(401, "token has no subject");
        }
        try {
            return Namespace.of(subject, projectId);
        } catch (IllegalArgumentException e) {
            throw ApiError.of(400, e.getMessage());
        }
    }
}
