package dev.resilient.backend.probe;

/** The dependency answered, but badly (a 5xx, an invalid connection): the message says how, with no user's data. */
public class ProbeFailedException extends RuntimeException {

    public ProbeFailedException(String message) {
        super(message, null, false, false);
    }
}
