package dev.resilient.backend.it.soak;

import java.time.Duration;

/**
 * What one soak run does, from system properties: {@code soak.seconds} (default 60, at most 600),
 * {@code soak.seed} (default: random; printed, so a run can be replayed), {@code soak.clients}
 * (load threads, default 4), {@code soak.backends} (1: one backend on a fresh H2 file, the default; 2: two
 * backends built for PostgreSQL on one fresh schema of the local PostgreSQL, killed alternately) and
 * {@code soak.report} (default {@code target/soak/SOAK.md}). The time is
 * split into two calm phases and the chaos phase ({@link #calmSeconds()}, {@link #chaosSeconds()}).
 */
public record SoakSettings(int seconds, long seed, int clients, int backends, String report) {

    public static final int MAX_SECONDS = 600;

    public static SoakSettings fromSystemProperties() {
        int seconds = Integer.getInteger("soak.seconds", 60);
        if (seconds < 10 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("soak.seconds must be between 10 and " + MAX_SECONDS + ", got " + seconds);
        }
        String seed = System.getProperty("soak.seed", "");
        long s = seed.isBlank() ? System.nanoTime() ^ Double.doubleToLongBits(Math.random()) : Long.parseLong(seed.trim());
        int backends = Integer.getInteger("soak.backends", 1);
        if (backends < 1 || backends > 2) {
            throw new IllegalArgumentException("soak.backends must be 1 (H2) or 2 (PostgreSQL), got " + backends);
        }
        return new SoakSettings(seconds, s, Integer.getInteger("soak.clients", 4), backends,
                System.getProperty("soak.report", "target/soak/SOAK.md"));
    }

    public Duration duration() {
        return Duration.ofSeconds(seconds);
    }

    /** Each of the two calm measurement phases at the start (without, then with the attacker): 15 % of the soak, at least 10 s. */
    public int calmSeconds() {
        return Math.max(10, seconds * 15 / 100);
    }

    /** What is left of the soak for the chaos phase, at least 10 s. */
    public int chaosSeconds() {
        return Math.max(10, seconds - 2 * calmSeconds());
    }

    /** Whether the calm phases are long enough for their p99 latencies to be compared as an invariant (5 minutes of soak). */
    public boolean comparesLatency() {
        return seconds >= 300;
    }
}
