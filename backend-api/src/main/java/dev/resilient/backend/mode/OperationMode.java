package dev.resilient.backend.mode;

/** Seed 004's SystemOperationMode values. */
public enum OperationMode {
    /** Every breaker closed. */
    NORMAL,
    /** Some dependency is failing; the backend answers from fallbacks and lighter models. */
    DEGRADED,
    /** Critical dependencies are failing; heavy features are off. */
    EMERGENCY,
    /** Set by an operator: heavy features are off until the override is lifted. */
    MAINTENANCE
}
