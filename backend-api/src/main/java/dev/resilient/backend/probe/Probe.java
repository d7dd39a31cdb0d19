package dev.resilient.backend.probe;

import io.smallrye.mutiny.Uni;

/** One active check of a dependency: a cheap call that proves it answers, made with no user's request. */
public interface Probe {

    /** The component's name in the health view, e.g. {@code chroma}, {@code job-database}. */
    String component();

    /**
     * Checks the dependency once. Must not block the caller's thread.
     *
     * @return a Uni that completes when the dependency answered well, and fails with why it did not
     *         ({@link ProbeFailedException} for a bad answer, the I/O error for a refused or reset connection);
     *         the caller bounds the time
     */
    Uni<Void> run();
}
