package dev.resilient.backend.resilience;

/**
 * Whether this process has been past its own capacity: the time a downstream call took then is partly
 * its wait for this process' CPU and threads, which says nothing about the downstream. The front door
 * ({@code admission.FrontDoor}) knows, since it refuses requests exactly then.
 */
@FunctionalInterface
public interface OwnCapacity {

    /** Whether this process refused work of its own at or after {@code sinceNanos} ({@link TimeSource#nanoTime()}). */
    boolean exceededSince(long sinceNanos);
}
