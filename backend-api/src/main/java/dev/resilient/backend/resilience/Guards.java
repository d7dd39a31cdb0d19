package dev.resilient.backend.resilience;

/** Maps a guard class (or its CDI subclass) back to its downstream. */
final class Guards {

    private Guards() {
    }

    static Downstream downstreamOf(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Downstream d : Downstream.values()) {
                if (d.guard() == c) {
                    return d;
                }
            }
        }
        throw new IllegalArgumentException(type + " is not a downstream guard");
    }
}
