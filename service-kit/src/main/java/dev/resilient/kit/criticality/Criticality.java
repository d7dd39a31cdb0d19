package dev.resilient.kit.criticality;

import java.util.Locale;

/**
 * How much a request matters when there is not room for all of them (gRPC's and Envoy's
 * "criticality", Netflix's priority tiers). Under overload the least important is refused first:
 * {@link #SHEDDABLE} before {@link #DEFAULT}, {@link #DEFAULT} before {@link #CRITICAL}.
 */
public enum Criticality {

    /** Work whose loss costs money or blinds the operator: billing deductions, status, health, admin. */
    CRITICAL,
    /** What users wait for: chat, search, job reads. */
    DEFAULT,
    /** Work that can come back later at no cost: ingestion submissions and jobs, dashboard polling. */
    SHEDDABLE;

    /** As it is written in {@link CriticalityHeader#NAME}: {@code critical}, {@code default}, {@code sheddable}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The less important of the two. */
    public Criticality atMost(Criticality other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
