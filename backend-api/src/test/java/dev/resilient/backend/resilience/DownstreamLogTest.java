package dev.resilient.backend.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DownstreamLogTest {

    @Test
    void waitsAreWrittenInSecondsAsTheSeedsDo() {
        assertEquals("1s", DownstreamLog.seconds(1000));
        assertEquals("2s", DownstreamLog.seconds(2000));
        assertEquals("1.5s", DownstreamLog.seconds(1500));
        assertEquals("1.234s", DownstreamLog.seconds(1234));
        assertEquals("0.1s", DownstreamLog.seconds(100));
        assertEquals("0s", DownstreamLog.seconds(0));
    }
}
