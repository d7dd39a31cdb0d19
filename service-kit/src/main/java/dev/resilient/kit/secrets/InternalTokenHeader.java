package dev.resilient.kit.secrets;

/**
 * The header that carries the internal token ({@link InternalTokenConfig}) from the backend to the
 * stubs. Defined here once: the backend's client header factory and LLM client send it, stub-kit's
 * filter checks it, and the tests use it to call the stubs directly.
 */
public final class InternalTokenHeader {

    public static final String NAME = "X-INTERNAL-TOKEN";

    private InternalTokenHeader() {
    }
}
