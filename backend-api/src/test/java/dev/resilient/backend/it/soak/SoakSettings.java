package dev.resilient.backend.it.soak;

import java.time.Duration;

/**
 * What one soak run does, from system properties: {@code soak.seconds} (default 60, at most 600),
 * {@code soak.seed} (default: random; printed, so a run can be replayed), {@code soak.clients}
 * (load threads, default 4) and {@code soak.report} (default {@code target/soak/SOAK.md}).
 */
public record SoakSettings(int seconds, long seed, int clients, String report) {

    public static final int MAX_SECONDS = 600;

    public static SoakSettings fromSystemProperties() {
        int seconds = Integer.getInteger("soak.seconds", 60);
        if (seconds < 10 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("soak.seconds must be between 10 and " + MAX_SECONDS + ", got " + seconds);
        }
        String seed = System.getProperty("soak.seed", "");
        long s = seed.isBlank() ? System.nanoTime() ^ Double.doubleToLongBits(Math.random()) : Long.parseLong(seed.trim());
        return new SoakSettings(seconds, s, Integer.getInteger("soak.clients", 4),
                System.getProperty("soak.report", "target/soak/SOAK.md"));
    }

    public Duration duration() {
        return Duration.ofSeconds(seconds);
    }
}
