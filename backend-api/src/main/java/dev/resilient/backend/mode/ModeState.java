package dev.resilient.backend.mode;

import java.time.Instant;

/**
 * The mode in force, why, since when, and whether an operator set it ({@code override}) or it
 * was derived from the breakers ({@code automatic}).
 */
public record ModeState(OperationMode mode, String reason, String source, Instant since) {
}
