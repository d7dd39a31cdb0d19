package dev.resilient.backend.it.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * After healing: a breaker leaves {@code open} only when a call reaches it after its delay, so
 * this sends, for each breaker not yet closed, a request that goes through that downstream
 * (search: chroma; chat, which saves its history: filesystem and llm-primary; ingestion: git;
 * deduction: billing; chat with llm-primary failing its three attempts once: llm-secondary), until
 * all are closed. SmallRye moves an open breaker to {@code half_open} on a timer once its delay is
 * over, and only a call moves it on from there: a breaker that opens when no more load comes (the
 * job backlog draining on a slow machine, say) stays {@code half_open} until probed.
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

    /**
     * Probes until every breaker is closed or {@code atMost} has passed; answers the last states seen.
     * Probing a breaker still inside its delay is harmless (it rejects at once), so this starts at once.
     */
    public Map<String, String> closeAll(Duration atMost) {
        AtomicReference<Map<String, String>> last = new AtomicReference<>(states());
        AtomicInteger round = new AtomicInteger();
        // a timeout leaves the breakers that stayed open in the answer: the report shows them
        Polling.until(atMost, () -> {
            Map<String, String> states = last.get();
            if (!allClosed(states)) {
                int r = round.incrementAndGet();
                states.forEach((breaker, state) -> {
                    if (!state.equals("closed")) {
                        probe(breaker, states, r);
                    }
                });
                last.set(states());
            }
            return allClosed(last.get());
        });
        return last.get();
    }

    private static boolean allClosed(Map<String, String> states) {
        return !states.isEmpty() && states.values().stream().allMatch("closed"::equals);
    }

    private void probe(String breaker, Map<String, String> states, int round) {
        AcceptedJobs.Job any = jobs.any(random);
        String project = any == null ? "soak-0" : any.project();
        switch (breaker) {
            case "chroma" -> backend.search("probe " + round + " " + Words.sentence(random), project);
            // synchronous: the chat asks llm-primary, then saves its history through the filesystem, before it answers
            case "filesystem", "llm-primary" -> backend.chat("probe " + round + " " + breaker + " " + Words.sentence(random) + "?", project);
            // asynchronous: only an ingestion job's last step calls git, so its state moves when a worker runs it
            case "git" -> jobs.submit(backend, random);
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
