package dev.resilient.backend.job;

/**
 * A submission's {@code Idempotency-Key} with the hash of its request: a repeat of the key with the
 * same hash is the same submission (the first job answers), with another hash it is a mistake (422).
 */
public record IdempotentSubmission(String key, String requestHash) {

    /** Thrown when the key was first used, within its window, for a different request. */
    public static class KeyReusedException extends RuntimeException {
        public KeyReusedException() {
            super("Idempotency-Key reused with a different request");
        }
    }
}
