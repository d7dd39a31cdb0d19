package dev.resilient.backend.it.soak;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The soak's calls to the backend, each counted in {@link SoakStats} table {@code requests} by
 * endpoint and outcome. A 5xx is a violation unless it is one of the documented 503s of its
 * endpoint; a connection error is counted apart, as "backend killed" when the backend went away
 * while the request ran. With several backends each request goes to the next one that is up
 * (round-robin); a connection error from one that is being killed is sent once more to another that
 * is up, as a load balancer does, and counted in table {@code failovers} instead of as an outcome.
 */
public final class BackendCalls {

    public static final String CHAT = "POST /v1/api/chat";
    public static final String SEARCH = "POST /v1/api/search";
    public static final String INGEST = "POST /v1/api/projects/{id}/documents";
    public static final String JOB = "GET /v1/api/jobs/{id}";
    public static final String DEDUCT = "POST /v1/api/billing/deduct";
    public static final String STATUS = "GET /v1/api/status/services";

    /**
     * The 503s the backend documents, by endpoint: fail-closed billing, no search source, ingestion off in this mode;
     * and on every one of them {@link #AUTH_UNAVAILABLE_503} and {@link #SHED_503}.
     */
    static final Map<String, String> DOCUMENTED_503 = Map.of(
            DEDUCT, "Cannot process billing",
            SEARCH, "Search unavailable",
            INGEST, "is currently unavailable: the system is in");

    /** status -1: connection error, -2: no answer within the client's timeout. */
    public record Outcome(int status, String body) {
        public static final int CONNECTION_ERROR = -1;
        public static final int TIMEOUT = -2;

        public boolean answered() {
            return status > 0;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                return JSON.createObjectNode();
            }
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final SoakBackends backends;
    private final Supplier<String> login;
    private final SoakStats stats;
    private volatile String bearer;
    private volatile PhaseMeter meter;

    public BackendCalls(SoakBackends backends, String token, SoakStats stats) {
        this(backends, () -> token, stats);
    }

    /**
     * @param login a token now (a login at auth-stub); asked once here and again after each 401, which
     *              is counted in table {@code auth} (a token refused after an auth-stub restart)
     */
    public BackendCalls(SoakBackends backends, Supplier<String> login, SoakStats stats) {
        this.backends = backends;
        this.login = login;
        this.stats = stats;
        this.bearer = "Bearer " + login.get();
    }

    /** From now on each answer (and its latency) is also recorded in {@code meter}'s current phase. */
    public BackendCalls measuredBy(PhaseMeter meter) {
        this.meter = meter;
        return this;
    }

    public Outcome chat(String message, String project) {
        return post(CHAT, "/v1/api/chat", Map.of("message", message, "project_id", project), Map.of());
    }

    public Outcome search(String query, String project) {
        return post(SEARCH, "/v1/api/search", Map.of("query", query, "project_id", project), Map.of());
    }

    public Outcome search(String query, String project, int results) {
        return post(SEARCH, "/v1/api/search", Map.of("query", query, "project_id", project, "n_results", results), Map.of());
    }

    /** A chat whose caller allows only {@code timeoutMs} ({@code X-Request-Timeout-Ms}). */
    public Outcome chat(String message, String project, long timeoutMs) {
        return post(CHAT, "/v1/api/chat", Map.of("message", message, "project_id", project),
                Map.of("X-Request-Timeout-Ms", String.valueOf(timeoutMs)));
    }

    /** @param idempotencyKey the submission's key: sending it again is safe, whatever happened to the first answer */
    public Outcome ingest(String project, Object documents, String idempotencyKey) {
        return post(INGEST, "/v1/api/projects/" + project + "/documents", Map.of("documents", documents),
                idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
    }

    public Outcome deduct(String idempotencyKey, java.math.BigDecimal amount) {
        return post(DEDUCT, "/v1/api/billing/deduct", Map.of("amount", amount), Map.of("Idempotency-Key", idempotencyKey));
    }

    public Outcome job(String id) {
        return send(JOB, base -> request(base, "/v1/api/jobs/" + id).GET().build());
    }

    public Outcome status() {
        return send(STATUS, base -> request(base, "/v1/api/status/services").GET().build());
    }

    private Outcome post(String endpoint, String path, Object body, Map<String, String> headers) {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return send(endpoint, base -> {
            HttpRequest.Builder b = request(base, path).header("Content-Type", "application/json");
            headers.forEach(b::header);
            return b.POST(HttpRequest.BodyPublishers.ofString(json)).build();
        });
    }

    private HttpRequest.Builder request(String base, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Authorization", bearer);
    }

    /** Sends the request; after a 401, logs in again and sends it once more (the first answer is counted too). */
    private Outcome send(String endpoint, Function<String, HttpRequest> request) {
        Outcome o = sendFailingOver(endpoint, request);
        if (o.status() == 401) {
            stats.count("auth", "401 answered, logged in again (" + endpoint + ")");
            try {
                bearer = "Bearer " + login.get();
            } catch (RuntimeException e) {
                stats.count("auth", "login failed: " + abbreviate(e.getMessage()).lines().findFirst().orElse(""));
                return o;
            }
            o = sendFailingOver(endpoint, request);
            if (o.status() == 401) {
                stats.count("auth", "401 again with the new token (" + endpoint + ")");
            }
        }
        return o;
    }

    /** One attempt: what came back, whether its backend stayed up throughout, and how long it took. */
    private record Attempt(Outcome outcome, boolean steady, long nanos) {
    }

    /** Sends to the next backend up; a connection error while that one is being killed goes once to another one up. */
    private Outcome sendFailingOver(String endpoint, Function<String, HttpRequest> request) {
        SoakBackends.Backend first = backends.pick();
        Attempt a = attempt(first, request);
        if (a.outcome().status() == Outcome.CONNECTION_ERROR && !a.steady()) {
            SoakBackends.Backend other = backends.other(first);
            if (other != null) {
                stats.count("failovers", endpoint + " | " + first.name() + " -> " + other.name());
                Attempt b = attempt(other, request);
                return record(endpoint, new Attempt(b.outcome(), b.steady(), a.nanos() + b.nanos()));
            }
        }
        return record(endpoint, a);
    }

    private Attempt attempt(SoakBackends.Backend backend, Function<String, HttpRequest> request) {
        long epoch = backend.life().epoch();
        long startedAt = System.nanoTime();
        Outcome o;
        try {
            HttpResponse<String> r = http.send(request.apply(backend.url()), HttpResponse.BodyHandlers.ofString());
            o = new Outcome(r.statusCode(), r.body());
        } catch (HttpTimeoutException e) {
            o = new Outcome(Outcome.TIMEOUT, e.toString());
        } catch (IOException e) {
            o = new Outcome(Outcome.CONNECTION_ERROR, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            o = new Outcome(Outcome.CONNECTION_ERROR, e.toString());
        }
        return new Attempt(o, backend.life().steadySince(epoch), System.nanoTime() - startedAt);
    }

    private Outcome record(String endpoint, Attempt a) {
        Outcome o = a.outcome();
        PhaseMeter m = meter;
        if (m != null) {
            m.record(endpoint, o, a.nanos());
        }
        stats.count("requests", endpoint + " | " + label(endpoint, o, a.steady()));
        if (o.status() >= 500 && !documented503(endpoint, o)) {
            stats.violation(endpoint + " answered " + o.status() + ": " + abbreviate(o.body()));
        }
        if (!o.answered() && a.steady()) {
            stats.count("unexplained", endpoint + " " + (o.status() == Outcome.TIMEOUT ? "client timeout" : "connection error"));
        }
        return o;
    }

    /** Every authenticated endpoint's 503 while a backend that has no signing keys yet cannot fetch them (auth-stub down). */
    static final String AUTH_UNAVAILABLE_503 = "Authentication unavailable";

    /** Every endpoint's 503 when the front door sheds it (README "Overload: admission by criticality"). */
    static final String SHED_503 = "The backend is at its capacity";

    static boolean documented503(String endpoint, Outcome o) {
        String message = DOCUMENTED_503.get(endpoint);
        return o.status() == 503 && o.body() != null
                && (message != null && o.body().contains(message) || o.body().contains(AUTH_UNAVAILABLE_503)
                        || o.body().contains(SHED_503));
    }

    private static String label(String endpoint, Outcome o, boolean steady) {
        if (o.status() == Outcome.TIMEOUT) {
            return steady ? "client timeout (30 s)" : "client timeout (backend killed)";
        }
        if (o.status() == Outcome.CONNECTION_ERROR) {
            return steady ? "connection error (backend up)" : "connection error (backend killed)";
        }
        if (o.status() == 503 && documented503(endpoint, o)) {
            return "503 (documented)";
        }
        return String.valueOf(o.status());
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
