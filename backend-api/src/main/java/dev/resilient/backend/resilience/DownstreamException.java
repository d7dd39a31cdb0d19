package dev.resilient.backend.resilience;

/** An HTTP error answer from a downstream, with its status and its {@code error} text. */
public abstract class DownstreamException extends RuntimeException {

    private final int status;
    private final String error;
    private final String body;

    protected DownstreamException(int status, String error, String body) {
        super("HTTP " + status + (error == null ? "" : ": " + error));
        this.status = status;
        this.error = error;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** The downstream's {@code error} field, or null. */
    public String error() {
        return error;
    }

    /** The raw response body (JSON as the stub sent it), or null. */
    public String body() {
        return body;
    }
}
