package dev.resilient.backend.job;

import java.util.Locale;

/** Where an ingestion job is; the wire form is the lower-case name. */
public enum JobState {
    QUEUED, RUNNING, RETRYING, SUCCEEDED, FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
