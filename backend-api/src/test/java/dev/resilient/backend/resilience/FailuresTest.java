package dev.resilient.backend.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void summaryForThePublicStatusDropsTheDownstreamsWordsWhichCanNameATenant() {
        DownstreamServerError e = new DownstreamServerError(500, "collection 'project_alice__secret' is corrupt",
                "{\"error\":\"collection 'project_alice__secret' is corrupt\"}");
        assertEquals("HTTP 500", Failures.summary(e));
        assertEquals("HTTP 500: collection 'project_alice__secret' is corrupt", Failures.describe(e));
    }

    @Test
    void summaryNamesNoHost() {
        ProcessingException e = new ProcessingException(new UnknownHostException("chroma.internal.example: Name or service not known"));
        assertEquals("connection failed: UnknownHostException", Failures.summary(e));
        assertEquals("connection refused", Failures.summary(new ProcessingException(new ConnectException("Connection refused: db-7/10.0.0.7:6003"))));
    }

    @Test
    void summaryKeepsTheKindOfFailure() {
        assertEquals("timed out", Failures.summary(new org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException()));
        assertEquals("timed out after 900 ms, the request's remaining budget",
                Failures.summary(new DeadlineExceededException(900, null)));
        assertEquals("concurrency limit reached (3 in flight)",
                Failures.summary(new ConcurrencyLimitExceededException(Downstream.CHROMA, 3)));
    }
}
