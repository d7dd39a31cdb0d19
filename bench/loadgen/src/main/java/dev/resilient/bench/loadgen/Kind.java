package dev.resilient.bench.loadgen;

import java.util.Map;

/**
 * One kind of request the generator sends: what it is, how important the backend's endpoint table
 * says it is, and the deadline its answer must meet to count as goodput (the backend's own budget for
 * the endpoint, so a request the backend may still answer counts only if it is in time).
 */
record Kind(String name, String criticality, String method, String path, String body, long deadlineMs) {

    /** The bench's requests, with the bodies of bench/lua (alice's projects "bench" and "benchchat"). */
    static final Map<String, Kind> KNOWN = Map.of(
            "search", new Kind("search", "default", "POST", "/v1/api/search",
                    "{\"query\":\"circuit breaker timeout retry\",\"project_id\":\"bench\"}", 2_000),
            "chat", new Kind("chat", "default", "POST", "/v1/api/chat",
                    "{\"message\":\"circuit breaker timeout retry\",\"project_id\":\"benchchat\"}", 10_000),
            "deduct", new Kind("deduct", "critical", "POST", "/v1/api/billing/deduct", "{\"amount\":0.01}", 5_000),
            "dashboard", new Kind("dashboard", "sheddable", "GET", "/v1/api/dashboard/state", null, 10_000),
            "status", new Kind("status", "critical", "GET", "/v1/api/status/services", null, 2_000),
            "health", new Kind("health", "critical", "GET", "/q/health/ready", null, 2_000));

    static Kind of(String name) {
        Kind k = KNOWN.get(name);
        if (k == null) {
            throw new IllegalArgumentException("unknown request kind '" + name + "' (known: " + KNOWN.keySet() + ")");
        }
        return k;
    }
}
