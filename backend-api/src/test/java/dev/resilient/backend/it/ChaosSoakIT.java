package dev.resilient.backend.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resilient.backend.it.soak.AcceptedJobs;
import dev.resilient.backend.it.soak.BackendCalls;
import dev.resilient.backend.it.soak.BackendBreakers;
import dev.resilient.backend.it.soak.BreakerProbe;
import dev.resilient.backend.it.soak.BreakerWatch;
import dev.resilient.backend.it.soak.JobAdditionsReport;
import dev.resilient.backend.it.soak.NeighbourReport;
import dev.resilient.backend.it.soak.NoisyNeighbour;
import dev.resilient.backend.it.soak.PhaseMeter;
import dev.resilient.backend.it.soak.Resubmissions;
import dev.resilient.backend.it.soak.SnapshotAudit;
import dev.resilient.backend.it.soak.BackendsReport;
import dev.resilient.backend.it.soak.ChaosApi;
import dev.resilient.backend.it.soak.ChaosMonkey;
import dev.resilient.backend.it.soak.DeductionLedger;
import dev.resilient.backend.it.soak.LoadClients;
import dev.resilient.backend.it.soak.Polling;
import dev.resilient.backend.it.soak.SoakBackends;
import dev.resilient.backend.it.soak.SoakReport;
import dev.resilient.backend.it.soak.SoakSettings;
import dev.resilient.backend.it.soak.SoakStats;
import dev.resilient.backend.support.ServiceProcess;
import dev.resilient.backend.support.Stubs;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.Test;

/**
 * The chaos soak (issue 9): chat, search, ingestion and deductions from a few client threads while
 * every stub gets random faults of every mode, stub processes are killed and restarted, and the
 * backend is killed with SIGKILL and restarted (with {@code -Dsoak.backends=2}: two backends built for
 * PostgreSQL on one fresh schema, killed in turn, the load sent to the one up and failing over to
 * it); then everything is healed and the invariants are
 * checked: every accepted job succeeded with each document indexed exactly once, the balance is
 * the start minus the confirmed deductions, no 5xx but the documented 503s, every breaker closed.
 * 60 s in {@code ./mvnw verify}; {@code bench/soak --minutes N} runs it longer ({@code -Dsoak.seconds}).
 * Report: {@code target/soak/SOAK.md}. Replay the same chaos with {@code -Dsoak.seed=<printed seed>}.
 */
class ChaosSoakIT {

    static final String ACCOUNT = "alice";
    /** The noisy neighbour: a tenant no other user's data or quota touches. */
    static final String ATTACKER = "carol";
    static final String PHASE_A = "A: calm, other users only";
    static final String PHASE_B = "B: calm, with the attacker";
    static final String PHASE_CHAOS = "chaos (faults, kills, attacker)";
    /** Both LLMs' latency in the calm phases: longer than the attacker's 450 ms deadline, well within the 2 s timeout. */
    static final int CALM_LLM_LATENCY_MS = 700;
    static final BigDecimal OPENING_BALANCE = new BigDecimal("1000000.00");
    /** The breaker delay the soak's backend runs with (the test profile's shortening), so healing takes seconds. */
    static final int BREAKER_DELAY_MS = 3000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void underRandomFaultsAndKillsNoJobIsLostNoChargeDoubledNo5xxAndEveryBreakerCloses() throws Exception {
        SoakSettings settings = SoakSettings.fromSystemProperties();
        System.out.printf("[soak] %d s, %d clients, %s, seed %d (replay: -Dsoak.seed=%d)%n", settings.seconds(), settings.clients(),
                describe(settings), settings.seed(), settings.seed());
        Instant started = Instant.now();
        SoakStats stats = new SoakStats();
        SoakStats afterStats = new SoakStats();
        SoakStats attackStats = new SoakStats();
        SoakStats watchStats = new SoakStats();
        PhaseMeter meter = new PhaseMeter();
        ServiceProcess billing = new ServiceProcess("billing-stub", Map.of("billing.accounts.\"" + ACCOUNT + "\"", OPENING_BALANCE.toPlainString()));
        ServiceProcess llmSecondary = new ServiceProcess("llm-stub", Map.of("llm.provider-name", "secondary"));
        CompletableFuture<Void> extraStubs = CompletableFuture.runAsync(() -> {
            billing.start();
            llmSecondary.start();
        });
        SoakBackends backends = null;
        try (LocalSuite suite = new LocalSuite()) {
            extraStubs.join();
            backends = backends(suite, settings, Map.of(
                    "quarkus.rest-client.billing.url", billing.url(),
                    "llm.secondary.url", llmSecondary.url() + "/v1",
                    "backend.jobs.lease", "PT10S",
                    "Retry/delay", "200",
                    "CircuitBreaker/delay", String.valueOf(BREAKER_DELAY_MS),
                    "Timeout/value", "2000",
                    "quarkus.rest-client.read-timeout", "5000",
                    // The attacker's storage quota is reached within a minute: she puts her large documents into five
                    // projects. A per-user bound would stop the load user too (one user, thousands of small jobs in
                    // ten minutes: 4 MiB was reached after 4,018 jobs, and every later submission was a 413); the
                    // load spreads over 200 projects, each far below this bound.
                    "backend.quotas.bytes-per-project", "1048576"));
            backends.startAll();
            String token = suite.token(ACCOUNT);
            ChaosApi chaos = new ChaosApi(Stubs.TOKEN);
            BigDecimal start = balance(chaos, billing);

            Map<String, ServiceProcess> faultable = new LinkedHashMap<>();
            faultable.put("chroma", suite.stubs.get("chroma-stub"));
            faultable.put("filesystem", suite.stubs.get("filesystem-stub"));
            faultable.put("git", suite.stubs.get("git-stub"));
            faultable.put("llm-primary", suite.stubs.get("llm-stub"));
            faultable.put("llm-secondary", llmSecondary);
            faultable.put("billing", billing);
            // chroma and billing keep their data in memory only: their contents are what the soak checks
            Map<String, ServiceProcess> killable = new LinkedHashMap<>(faultable);
            killable.remove("chroma");
            killable.remove("billing");

            BackendCalls calls = new BackendCalls(backends, () -> suite.token(ACCOUNT), stats).measuredBy(meter);
            AcceptedJobs jobs = new AcceptedJobs(stats);
            Resubmissions resubmissions = new Resubmissions(jobs, stats, ACCOUNT);
            DeductionLedger ledger = new DeductionLedger(stats);
            LoadClients load = new LoadClients(settings.clients(), settings.seed(), calls, jobs, ledger, backends.anyLife(), resubmissions);
            ChaosMonkey monkey = new ChaosMonkey(settings.seed(), faultable, killable, backends, chaos, stats);
            NoisyNeighbour attacker = new NoisyNeighbour(new BackendCalls(backends, () -> suite.token(ATTACKER), attackStats),
                    attackStats, settings.seed());
            // each backend's breakers watched through calls to it alone
            Map<SoakBackends.Backend, BreakerWatch> watches = new LinkedHashMap<>();
            for (SoakBackends.Backend b : backends.all()) {
                watches.put(b, new BreakerWatch(new BreakerProbe(new BackendCalls(backends.only(b), token, watchStats), jobs,
                        ledger, chaos, faultable.get("llm-primary").url(), settings.seed()), chaos, b.url()));
            }
            System.out.printf("[soak] suite up after %d s; calm phases of %d s each (A: load, B: load and attacker), then chaos for %d s%n",
                    Duration.between(started, Instant.now()).toSeconds(), settings.calmSeconds(), settings.chaosSeconds());

            // both LLMs slower than the attacker's deadline (as in issue 17), in both calm phases alike
            String slowLlm = "{\"mode\":\"slow\",\"latency_ms\":" + CALM_LLM_LATENCY_MS + ",\"jitter_ms\":0}";
            chaos.put(faultable.get("llm-primary").url(), slowLlm);
            chaos.put(llmSecondary.url(), slowLlm);
            meter.phase(PHASE_A);
            load.start();
            Thread.sleep(settings.calmSeconds() * 1000L); // a measurement phase of fixed length, not a wait for a state
            watches.values().forEach(BreakerWatch::start);
            meter.phase(PHASE_B);
            attacker.start();
            Thread.sleep(settings.calmSeconds() * 1000L); // the same length with the attacker
            meter.phase(PHASE_CHAOS);
            Map<SoakBackends.Backend, Map<String, Integer>> stopped = new LinkedHashMap<>();
            for (Map.Entry<SoakBackends.Backend, BreakerWatch> w : watches.entrySet()) {
                stopped.put(w.getKey(), w.getValue().stop());
            }
            Map<String, Integer> openings = BreakerWatch.merge(backends, stopped);
            chaos.heal(faultable.get("llm-primary").url());
            chaos.heal(llmSecondary.url());

            jobs.sendDuplicates();
            load.resubmitDocuments();
            monkey.start();
            Thread authRestarts = new Thread(() -> restartAuth(suite.stubs.get("auth-stub"), settings.chaosSeconds(), stats), "soak-auth");
            authRestarts.start();
            Thread.sleep(settings.chaosSeconds() * 1000L); // the soak itself: load and chaos for the chosen time, not a wait for a state
            load.stop();
            attacker.stop();
            monkey.stopAndAwaitRestarts();
            authRestarts.join(60_000);
            load.join();
            System.out.printf("[soak] chaos over at %d s; healing%n", Duration.between(started, Instant.now()).toSeconds());

            // heal: every process running, every fault gone, then each breaker probed until it is closed
            backends.startAll();
            for (Map.Entry<String, ServiceProcess> s : faultable.entrySet()) {
                s.getValue().start();
                if (!chaos.heal(s.getValue().url())) {
                    stats.violation(s.getKey() + " could not be healed");
                }
            }
            suite.stubs.get("auth-stub").start();
            BackendCalls after = new BackendCalls(backends, () -> suite.token(ACCOUNT), afterStats);
            // each backend's breakers probed through calls to it alone
            BackendBreakers probe = new BackendBreakers(backends, one -> new BreakerProbe(new BackendCalls(one,
                    () -> suite.token(ACCOUNT), afterStats), jobs, ledger, chaos, faultable.get("llm-primary").url(), settings.seed()));
            Map<String, String> breakers = probe.closeAll(Duration.ofSeconds(60));
            // submissions whose answer the kills lost, sent again with their keys: stored then or now, each is known
            System.out.printf("[soak] %d submissions without an answer sent again with their Idempotency-Key%n",
                    jobs.resendUnanswered(after));

            Map<String, String> processedBy = new ConcurrentSkipListMap<>();
            Map<String, String> jobStates = awaitJobs(after, jobs, Duration.ofSeconds(Math.max(150, 60 + settings.seconds() / 3)),
                    Map.of(), processedBy);
            // the backlog's last calls may open a breaker again (timeouts on a loaded machine); once no
            // load comes, it waits in half_open for a call: probe again, then let the probes' jobs finish
            Map<String, String> drainedBreakers = probe.states();
            Map<String, String> finalBreakers = probe.closeAll(Duration.ofSeconds(30));
            jobStates = awaitJobs(after, jobs, Duration.ofSeconds(60), jobStates, processedBy);
            ledger.resolveUnknowns(after, Duration.ofSeconds(5));
            BigDecimal end = balance(chaos, billing);

            Resubmissions.Audit resubmitted = resubmissions.audit(chaos, suite.stubs.get("chroma-stub").url(), after);
            SoakReport report = report(settings, started, stats, afterStats, jobs, jobStates, suite, chaos, ledger, start, end,
                    breakers, drainedBreakers, finalBreakers, probe);
            BackendsReport.add(report, backends, stats, processedBy);
            NeighbourReport.add(report, settings, meter, openings, attackStats);
            JobAdditionsReport.add(report, settings, stats, afterStats, resubmitted, SnapshotAudit.count(chaos, suite.stubs.get("git-stub").url(),
                    ACCOUNT, succeededByProject(jobs, jobStates)));
            report.write(settings.report());
            System.out.println(report.render());
            System.out.println("[soak] report: " + java.nio.file.Path.of(settings.report()).toAbsolutePath());
            assertTrue(report.failures().isEmpty(), "soak invariants broken (seed " + settings.seed() + "): "
                    + report.failures() + "; violations: " + stats.violations() + afterStats.violations());
        } finally {
            if (backends != null) {
                backends.stopAll();
            }
            billing.stop();
            llmSecondary.stop();
        }
    }

    /**
     * Polls every accepted job until it is succeeded or failed, or {@code atMost} has passed; answers each job's last state.
     * Jobs already finished in {@code known} are not asked again; each finished job's {@code processed_by} goes to {@code processedBy}.
     */
    private static Map<String, String> awaitJobs(BackendCalls backend, AcceptedJobs jobs, Duration atMost, Map<String, String> known,
            Map<String, String> processedBy) {
        Map<String, String> states = new ConcurrentSkipListMap<>(known);
        // a timeout leaves the jobs still pending in the answer: the report lists them
        Polling.until(atMost, () -> {
            boolean pending = false;
            for (AcceptedJobs.Job j : jobs.all()) {
                String s = states.get(j.id());
                if (!"succeeded".equals(s) && !"failed".equals(s)) {
                    BackendCalls.Outcome o = backend.job(j.id());
                    s = o.status() == 200 ? o.json().path("state").asText() : "http " + o.status();
                    states.put(j.id(), s);
                    if ("succeeded".equals(s) || "failed".equals(s)) {
                        processedBy.put(j.id(), o.json().path("processed_by").asText(""));
                    }
                    pending |= !"succeeded".equals(s) && !"failed".equals(s);
                }
            }
            return !pending;
        });
        return states;
    }

    /**
     * The soak's backend processes (not started): one on a fresh H2 file, or two built for PostgreSQL on
     * one fresh schema of the local PostgreSQL ({@code -Dsoak.backends=2}).
     */
    private static SoakBackends backends(LocalSuite suite, SoakSettings settings, Map<String, String> props) {
        Map<String, String> all = new HashMap<>(props);
        if (settings.backends() == 1) {
            all.put("quarkus.datasource.jdbc.url", LocalSuite.freshH2());
            return SoakBackends.of(List.of(suite.backend("quarkus-app", all)));
        }
        all.putAll(LocalSuite.freshPostgres("soak_").backendProperties());
        List<ServiceProcess> processes = new ArrayList<>();
        for (int i = 0; i < settings.backends(); i++) {
            processes.add(suite.backend("postgresql", all));
        }
        return SoakBackends.of(processes);
    }

    private static String describe(SoakSettings settings) {
        return settings.backends() == 1 ? "one backend on a fresh H2 file"
                : settings.backends() + " backends on one fresh PostgreSQL schema, killed in turn";
    }

    /** Stops and starts auth-stub twice, at a third and at two thirds of the chaos phase; tokens issued before must still work. */
    private static void restartAuth(ServiceProcess auth, int chaosSeconds, SoakStats stats) {
        for (int i = 1; i <= 2; i++) {
            try {
                Thread.sleep(chaosSeconds * 1000L / 3); // a point in the chaos schedule, not a wait for a state
                auth.stop();
                auth.start();
                stats.count("restarts", "auth-stub");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                stats.violation("auth-stub did not start again: " + e.getMessage());
            }
        }
    }

    private static Map<String, Integer> succeededByProject(AcceptedJobs jobs, Map<String, String> states) {
        Map<String, Integer> byProject = new TreeMap<>();
        for (AcceptedJobs.Job j : jobs.all()) {
            byProject.merge(j.project(), "succeeded".equals(states.get(j.id())) ? 1 : 0, Integer::sum);
        }
        return byProject;
    }

    /** The first few entries of a list of failures, for a report that stays readable when many fail. */
    private static String firstOf(List<String> failures) {
        int shown = 10;
        if (failures.isEmpty()) {
            return "";
        }
        return " " + failures.subList(0, Math.min(shown, failures.size()))
                + (failures.size() > shown ? " and " + (failures.size() - shown) + " more" : "");
    }

    private static BigDecimal balance(ChaosApi chaos, ServiceProcess billing) throws Exception {
        HttpResponse<String> r = chaos.get(billing.url(), "/accounts/" + ACCOUNT);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("billing-stub balance read answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body()).path("balance").decimalValue();
    }

    private static SoakReport report(SoakSettings settings, Instant started, SoakStats stats, SoakStats afterStats,
            AcceptedJobs jobs, Map<String, String> jobStates, LocalSuite suite, ChaosApi chaos, DeductionLedger ledger,
            BigDecimal start, BigDecimal end, Map<String, String> breakers, Map<String, String> drainedBreakers,
            Map<String, String> finalBreakers, BackendBreakers probe) throws Exception {
        SoakReport r = new SoakReport();
        r.line("- when: " + started + ", chaos and load for **" + settings.seconds() + " s**, " + settings.clients() + " client threads");
        r.line("- seed: `" + settings.seed() + "` (replay the same chaos schedule: `-Dsoak.seed=" + settings.seed() + "`)");
        r.line("- whole run (start-up, soak, healing, checks): " + Duration.between(started, Instant.now()).toSeconds() + " s");
        r.line("- faults: every stub the backend calls (chroma, filesystem, git, llm-primary, llm-secondary, billing), "
                + "2 to 6 s each; processes killed: filesystem, git, both llm processes and the backend (chroma and billing "
                + "hold their data in memory: it is what the checks read, so they get faults but are not killed)");
        r.line("- backends: " + describe(settings));
        r.line("- backend policy shortened as in the test profile: Timeout 2 s, Retry delay 200 ms, breaker delay "
                + BREAKER_DELAY_MS + " ms; job lease 10 s");

        // jobs: each succeeded, each document exactly once at the vector store
        List<AcceptedJobs.Job> accepted = jobs.all();
        long succeeded = accepted.stream().filter(j -> "succeeded".equals(jobStates.get(j.id()))).count();
        List<String> notSucceeded = new ArrayList<>();
        List<String> wrongChunks = new ArrayList<>();
        Map<String, List<String>> expectedByProject = new TreeMap<>();
        for (AcceptedJobs.Job j : accepted) {
            if (!"succeeded".equals(jobStates.get(j.id()))) {
                notSucceeded.add(j.id() + " " + jobStates.get(j.id()));
            }
            expectedByProject.computeIfAbsent(j.project(), p -> new ArrayList<>()).addAll(j.documentIds());
        }
        int wrongDocuments = 0;
        for (Map.Entry<String, List<String>> e : expectedByProject.entrySet()) {
            HttpResponse<String> c = chaos.get(suite.stubs.get("chroma-stub").url(), "/collections/project_" + ACCOUNT + "__" + e.getKey());
            JsonNode body = c.statusCode() == 200 ? JSON.readTree(c.body()) : JSON.createObjectNode();
            List<String> ids = new ArrayList<>();
            body.path("ids").forEach(id -> ids.add(id.asText()));
            List<String> expected = e.getValue().stream().distinct().sorted().toList(); // a resubmitted document: one chunk
            if (body.path("count").asInt(-1) != expected.size() || !ids.stream().sorted().toList().equals(expected)) {
                wrongChunks.add(e.getKey() + ": " + c.statusCode() + " " + (c.body().length() > 200 ? c.body().substring(0, 200) : c.body()));
                wrongDocuments += expected.size();
            }
        }
        int documents = expectedByProject.values().stream().mapToInt(ids -> (int) ids.stream().distinct().count()).sum();
        r.check("accepted ingestion jobs (202) that succeeded", accepted.size(), succeeded + firstOf(notSucceeded),
                !accepted.isEmpty() && notSucceeded.isEmpty());
        r.check("documents of accepted jobs indexed exactly once (chroma-stub count and ids per project)", documents,
                (documents - wrongDocuments) + firstOf(wrongChunks), wrongChunks.isEmpty());

        // billing
        BigDecimal confirmed = ledger.sum(DeductionLedger.State.CONFIRMED);
        BigDecimal unknown = ledger.sum(DeductionLedger.State.UNKNOWN);
        BigDecimal high = start.subtract(confirmed);
        BigDecimal low = high.subtract(unknown);
        r.check("deductions confirmed by the backend", "> 0", ledger.count(DeductionLedger.State.CONFIRMED),
                ledger.count(DeductionLedger.State.CONFIRMED) > 0);
        r.check("balance at billing-stub within [start - confirmed - unknown, start - confirmed]",
                "[" + low + ", " + high + "] (start " + start + ", confirmed " + confirmed + " in "
                        + ledger.count(DeductionLedger.State.CONFIRMED) + ", unknown " + unknown + " in "
                        + ledger.count(DeductionLedger.State.UNKNOWN) + ")",
                end, end.compareTo(low) >= 0 && end.compareTo(high) <= 0);

        // 5xx and connection errors
        List<String> violations = new ArrayList<>(stats.violations());
        violations.addAll(afterStats.violations());
        r.check("backend 5xx other than the documented 503s", 0, violations.size() + firstOf(violations),
                violations.isEmpty());
        long unexplained = stats.table("unexplained").entrySet().stream().filter(e -> e.getKey().endsWith("connection error"))
                .mapToLong(Map.Entry::getValue).sum() + afterStats.total("unexplained");
        r.check("connection errors while the backend was up (not being killed)", 0, unexplained, unexplained == 0);

        // breakers
        r.check("every breaker closed after healing (/v1/api/status/services" + (settings.backends() > 1 ? " of each backend" : "")
                + ")", "closed", finalBreakers, probe.allClosed(finalBreakers));

        // the chaos really happened
        long modes = stats.table("faults injected").keySet().stream().map(k -> k.split(" ")[0]).filter(k -> !k.equals("not"))
                .distinct().count();
        r.check("fault modes injected", 5, modes, modes == 5);

        r.requests(stats.table("requests"));
        r.table("Requests while healing and checking (probes, job polls, resent deduction keys)", "endpoint, outcome",
                afterStats.table("requests"));
        r.table("Faults injected, by mode", "mode", stats.table("faults injected"));
        r.table("Faults injected, by stub and mode", "stub and mode", stats.table("faults by stub"));
        r.table("Processes killed", "process", stats.table("kills"));
        r.table("Processes restarted (same port)", "process", stats.table("restarts"));
        Map<String, Object> jobRows = new LinkedHashMap<>(stats.table("jobs"));
        jobRows.put("accepted jobs that succeeded", succeeded);
        jobRows.put("documents in accepted jobs", documents);
        jobRows.put("documents found exactly once at chroma-stub", documents - wrongDocuments);
        r.table("Ingestion jobs", "what", jobRows);
        Map<String, Object> money = new LinkedHashMap<>(stats.table("deductions"));
        money.put("confirmed in the end (count)", ledger.count(DeductionLedger.State.CONFIRMED));
        money.put("refused (4xx, nothing charged)", ledger.count(DeductionLedger.State.REFUSED));
        money.put("still unknown after resending their keys", ledger.count(DeductionLedger.State.UNKNOWN));
        money.put("start balance", start);
        money.put("confirmed total", confirmed);
        money.put("end balance at billing-stub", end);
        money.put("start - confirmed", high);
        r.table("Deductions", "what", "value", money);
        r.table("Breaker states when healing ended", "breaker", "state", breakers);
        r.table("Breaker states once the job backlog had drained (before probing them again)", "breaker", "state", drainedBreakers);
        r.table("Breaker states at the end", "breaker", "state", finalBreakers);
        r.table("Answers the client never got while the backend was up", "endpoint", stats.table("unexplained"));
        return r;
    }
}
