package dev.resilient.backend.it.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * After healing: a breaker leaves {@code open} only when a call reaches it after its delay, so
 * this sends, for each breaker not yet closed, a request that goes through that downstream
 * (search: chroma; ingestion: filesystem, chroma, git; chat: llm-primary; deduction: billing; chat
 * with llm-primary failing its three attempts once: llm-secondary), until all are closed.
 */
public final class BreakerProbe {

    private final BackendCalls backend;
    private final AcceptedJobs jobs;
    private final DeductionLedger ledger;
    private final ChaosApi chaos;
    private final String llmPrimaryUrl;
    private final Random random;

    public BreakerProbe(BackendCalls backend, AcceptedJobs jobs, DeductionLedger ledger, ChaosApi chaos, String llmPrimaryUrl,
            long seed) {
        this.backend = backend;
        this.jobs = jobs;
        this.ledger = ledger;
        this.chaos = chaos;
        this.llmPrimaryUrl = llmPrimaryUrl;
        this.random = new Random(seed);
    }

    /** Each breaker's state now, e.g. {@code chroma -> closed}; empty when the status call failed. */
    public Map<String, String> states() {
        Map<String, String> states = new TreeMap<>();
        BackendCalls.Outcome o = backend.status();
        if (o.status() == 200) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.json().path("services").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                states.put(e.getKey(), e.getValue().path("state").asText());
            }
        }
        return states;
    }

    /** Probes until every breaker is closed or {@code atMost} has passed; answers the last states seen. */
    public Map<String, String> closeAll(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        Map<String, String> states = states();
        int round = 0;
        while (System.nanoTime() < deadline && (states.isEmpty() || states.values().stream().anyMatch(s -> !s.equals("closed")))) {
            round++;
            for (Map.Entry<String, String> e : states.entrySet()) {
                if (!e.getValue().equals("closed")) {
                    probe(e.getKey(), states, round);
                }
            }
            Thread.sleep(1000);
            states = states();
        }
        return states;
    }

    private void probe(String breaker, Map<String, String> states, int round) {
        AcceptedJobs.Job any = jobs.any(random);
        String project = any == null ? "soak-0" : any.project();
        switch (breaker) {
            case "chroma" -> backend.search("probe " + round + " " + Words.sentence(random), project);
            case "filesystem", "git" -> jobs.submit(backend, random);
            case "llm-primary" -> backend.chat("probe " + round + " " + breaker + " " + Words.sentence(random) + "?", project);
            case "billing" -> ledger.deductOnce(backend, random, "probe" + round);
            case "llm-secondary" -> {
                if ("closed".equals(states.get("llm-primary"))) {
                    // the secondary is only asked when the primary fails: fail the primary's three attempts once
                    chaos.put(llmPrimaryUrl, "{\"mode\":\"error\",\"times\":3}");
                    backend.chat("probe " + round + " " + breaker + " " + Words.sentence(random) + "?", project);
                    chaos.heal(llmPrimaryUrl);
                }
            }
            default -> backend.chat("probe " + round + " " + Words.sentence(random) + "?", project);
        }
    }
}
