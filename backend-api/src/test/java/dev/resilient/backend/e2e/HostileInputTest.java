package dev.resilient.backend.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.support.Stubs;
import dev.resilient.backend.support.Tokens;
import dev.resilient.kit.secrets.InternalTokenHeader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A generated corpus of hostile requests against every backend endpoint and every stub: malformed
 * and truncated JSON, wrong types, huge strings and arrays, deep nesting, odd Unicode, path
 * traversal, bad amounts, bad tokens, oversized bodies. Each one gets a 4xx JSON error (never a
 * 5xx or a stack trace) and stored data is unchanged afterwards.
 */
@QuarkusTest
class HostileInputTest {

    /** One request of the corpus; {@code strict}: it must be a 4xx (otherwise only "not a 5xx"). */
    record Case(String target, String method, String path, Map<String, String> headers, String body, boolean strict) {
    }

    static final String[] WRONG_VALUES = {"null", "true", "12", "-1", "1.5e308", "\"\"", "[]", "{}", "[1,2]",
        "\"\\u0000\"", "{\"$gt\":\"\"}"};
    static final String[] TRAVERSALS = {"../../etc/passwd", "..", "/etc/passwd", "a/../../b", "..\\\\x", "~root",
        "%2e%2e/x", "a//b", "\\u0000x"};

    @Test
    void everyHostileRequestGetsA4xxJsonErrorAndNothingStoredChanges() {
        String alice = Tokens.bearer("alice");
        String project = Backend.freshProject();
        Backend.awaitJob("alice", Backend.submit("alice", project, Map.of("keep", "data that must survive")))
                .statusCode(200);
        String balanceBefore = balance();
        String collection = "project_alice__" + project;
        int chunksBefore = Stubs.get("chroma-stub", "/collections/" + collection).extract().path("count");

        List<Case> corpus = new ArrayList<>();
        Map<String, String> auth = Map.of("Authorization", alice);
        Map<String, String> internal = Map.of(InternalTokenHeader.NAME, Stubs.TOKEN);
        Map<String, String> idem = Map.of(InternalTokenHeader.NAME, Stubs.TOKEN, "Idempotency-Key", "hostile-key");

        // backend endpoints: each field of a valid body replaced by wrong values, plus malformed bodies
        bodies(corpus, "backend", "/v1/api/chat", auth, "{\"message\":\"hi\",\"project_id\":\"p1\"}", List.of("message", "project_id"));
        bodies(corpus, "backend", "/v1/api/search", auth, "{\"query\":\"hi\",\"n_results\":3,\"project_id\":\"p1\"}",
                List.of("query", "n_results", "project_id"));
        // mutations that happen to be valid must land somewhere harmless: another project, an unknown account
        bodies(corpus, "backend", "/v1/api/projects/hostile/documents", auth,
                "{\"documents\":[{\"id\":\"d1\",\"filename\":\"d1.md\",\"content\":\"c\"}],\"priority\":5}",
                List.of("documents", "priority"));
        bodies(corpus, "backend", "/v1/api/billing/deduct", auth, "{\"amount\":1.00}", List.of("amount"));
        // a document the project does not have: whatever passes validation is a 404, and queues nothing
        bodies(corpus, "backend", "/v1/api/projects/" + project + "/documents/absent/analysis", auth,
                "{\"job_id\":\"hostile-1\",\"priority\":1}", List.of("job_id", "priority"));
        for (String amount : new String[] {"-1", "0", "\"NaN\"", "\"Infinity\"", "1e309", "1e-9", "99999999999", "0.001",
            "-0.01", "\"1\"", "1000000.01"}) {
            corpus.add(new Case("backend", "POST", "/v1/api/billing/deduct", auth, "{\"amount\":" + amount + "}", true));
        }
        for (String t : TRAVERSALS) {
            corpus.add(new Case("backend", "POST", "/v1/api/projects/" + project + "/documents", auth,
                    "{\"documents\":[{\"id\":\"d1\",\"filename\":\"" + t + "\",\"content\":\"c\"}]}", true));
            corpus.add(new Case("backend", "POST", "/v1/api/chat", auth, "{\"message\":\"hi\",\"project_id\":\"" + t + "\"}", true));
        }
        // a NUL in a document: PostgreSQL cannot store it, so every database build refuses it with a 400
        corpus.add(new Case("backend", "POST", "/v1/api/projects/" + project + "/documents", auth,
                "{\"documents\":[{\"id\":\"d1\",\"filename\":\"f.md\",\"content\":\"a\\u0000b\"}]}", true));
        // odd but valid Unicode must not break anything (no 5xx)
        for (String odd : new String[] {"\\ud83d\\ude00 emoji", "\\u202e right-to-left", "\\ufeff bom", "\\ud800 lone surrogate",
            "zalgo a\\u0301\\u0301\\u0301", "\\u0000 nul"}) {
            corpus.add(new Case("backend", "POST", "/v1/api/search", auth, "{\"query\":\"" + odd + "\",\"project_id\":\"" + project + "\"}", false));
        }
        // tokens: missing, garbage, forged, alg none, wrong scheme
        String[] parts = Tokens.of("alice").split("\\.");
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        String forged = parts[0] + "." + b64(new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"alice\"", "\"bob\"")) + "." + parts[2];
        String expired = parts[0] + "." + b64(new String(Base64.getUrlDecoder().decode(parts[1])).replaceAll("\"exp\":\\d+", "\"exp\":1")) + "." + parts[2];
        for (String bad : new String[] {null, "", "Bearer", "Bearer ", "Bearer x.y.z", "Basic YWxpY2U6eA==", "Bearer " + none,
            "Bearer " + forged, "Bearer " + expired, "Bearer " + "A".repeat(10000)}) {
            Map<String, String> h = bad == null ? Map.of() : Map.of("Authorization", bad);
            for (String path : new String[] {"/v1/api/chat", "/v1/api/search", "/v1/api/billing/deduct", "/v1/api/projects/p1/documents"}) {
                corpus.add(new Case("backend", "POST", path, h, "{\"message\":\"hi\",\"query\":\"hi\",\"amount\":1}", true));
            }
            corpus.add(new Case("backend", "GET", "/v1/api/jobs/any", h, null, true));
        }
        corpus.add(new Case("backend", "PUT", "/v1/api/admin/operation-mode", auth, "{\"mode\":\"MAINTENANCE\",\"reason\":\"x\"}", true));

        // stubs
        bodies(corpus, "chroma-stub", "/add_chunks", internal,
                "{\"collection_name\":\"hostile\",\"chunks\":[{\"id\":\"x\",\"text\":\"t\",\"metadata\":{\"a\":1}}]}",
                List.of("collection_name", "chunks"));
        bodies(corpus, "chroma-stub", "/query", internal,
                "{\"collection_name\":\"" + collection + "\",\"query_texts\":[\"q\"],\"n_results\":2}",
                List.of("collection_name", "query_texts", "n_results"));
        bodies(corpus, "filesystem-stub", "/save_file", internal,
                "{\"project_id\":\"hostile\",\"file_path\":\"docs/keep.md\",\"content\":\"x\",\"mode\":\"append\"}",
                List.of("project_id", "file_path", "content", "mode"));
        for (String t : TRAVERSALS) {
            corpus.add(new Case("filesystem-stub", "POST", "/save_file", internal,
                    "{\"project_id\":\"alice__" + project + "\",\"file_path\":\"" + t + "\",\"content\":\"x\"}", true));
        }
        bodies(corpus, "billing-stub", "/deduct", idem, "{\"account\":\"nobody\",\"amount\":1.00}", List.of("account", "amount"));
        bodies(corpus, "git-stub", "/snapshot/hostile", internal, "{\"message\":\"m\"}", List.of("message"));
        bodies(corpus, "auth-stub", "/token", Map.of(), "{\"username\":\"alice\",\"password\":\"nope\"}", List.of("username", "password"));
        bodies(corpus, "llm-stub", "/v1/chat/completions", internal,
                "{\"model\":\"stub-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", List.of("model", "messages"));
        for (String stub : new String[] {"chroma-stub", "filesystem-stub", "billing-stub", "git-stub", "auth-stub", "llm-stub"}) {
            corpus.add(new Case(stub, "GET", "/_chaos", Map.of(), null, true));
            corpus.add(new Case(stub, "PUT", "/_chaos", Map.of(InternalTokenHeader.NAME, "wrong"), "{\"mode\":\"error\"}", true));
            for (String bad : new String[] {"{\"mode\":\"boom\"}", "{\"mode\":\"error\",\"status\":99}", "{\"mode\":\"flaky\",\"probability\":-1}",
                "{\"mode\":", "[]", "{\"mode\":\"slow\",\"latency_ms\":1e99}"}) {
                corpus.add(new Case(stub, "PUT", "/_chaos", internal, bad, true));
            }
        }

        List<String> problems = new ArrayList<>();
        for (Case c : corpus) {
            Response r = send(c);
            int status = r.statusCode();
            String body = r.asString();
            boolean bad = status >= 500 || (c.strict() && (status < 400 || status >= 500));
            if (status >= 400 && (!body.contains("\"error\"") || !String.valueOf(r.contentType()).contains("json"))) {
                bad = true;
            }
            if (body.contains("Exception") || body.contains("\tat ") || body.contains(".java:")) {
                bad = true;
            }
            if (bad) {
                problems.add(status + " " + c.target() + " " + c.method() + " " + c.path() + " "
                        + abbreviate(c.body()) + " -> " + abbreviate(body));
            }
        }
        assertTrue(corpus.size() >= 500, "the corpus has " + corpus.size() + " requests");
        assertEquals(List.of(), problems, problems.size() + " of " + corpus.size() + " hostile requests were mishandled");
        assertEquals(balanceBefore, balance(), "no charge from hostile input");
        assertEquals(chunksBefore, (int) Stubs.get("chroma-stub", "/collections/" + collection).extract().path("count"),
                "no chunk added or lost");
        Backend.search("alice", project, "survive").statusCode(200);
    }

    /** Wrong values for each field, truncations, huge strings/arrays, deep nesting and raw junk for one endpoint. */
    private static void bodies(List<Case> corpus, String target, String path, Map<String, String> headers, String valid,
            List<String> fields) {
        for (String field : fields) {
            for (String v : WRONG_VALUES) {
                if (field.equals("amount") && v.equals("12")) {
                    continue; // a valid amount: it would really charge
                }
                String mutated = valid.replaceFirst("\"" + field + "\":(\\[[^\\]]*\\]|\\{[^}]*\\}|\"[^\"]*\"|[^,}]+)",
                        "\"" + field + "\":" + java.util.regex.Matcher.quoteReplacement(v));
                if (!mutated.equals(valid)) {
                    corpus.add(new Case(target, "POST", path, headers, mutated, false));
                }
            }
            corpus.add(new Case(target, "POST", path, headers,
                    valid.replaceFirst("\"" + field + "\":", "\"" + field + "_missing\":"), false));
        }
        for (int cut = 1; cut < valid.length(); cut += Math.max(1, valid.length() / 8)) {
            corpus.add(new Case(target, "POST", path, headers, valid.substring(0, cut), true));
        }
        for (String junk : new String[] {"", "{", "}", "nul", "[[[[", "{\"a\":}", "'single'", "{\"a\" 1}", "\u00ff\u00fe",
            "{\"a\":\"\\x\"}"}) {
            corpus.add(new Case(target, "POST", path, headers, junk, true));
        }
        corpus.add(new Case(target, "POST", path, headers, "[".repeat(5000) + "]".repeat(5000), true));
        corpus.add(new Case(target, "POST", path, headers, "{\"a\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3001), true));
        corpus.add(new Case(target, "POST", path, headers, "{\"x\":\"" + "a".repeat(2200 * 1024) + "\"}", true));
        corpus.add(new Case(target, "POST", path, headers,
                valid.replaceFirst("\"" + fields.get(0) + "\":", "\"" + fields.get(0) + "\":\"" + "b".repeat(300_000) + "\",\"ignored\":"), false));
        corpus.add(new Case(target, "POST", path, headers,
                valid.replaceFirst("\"" + fields.get(0) + "\":", "\"" + fields.get(0) + "\":[" + "1,".repeat(20000) + "1],\"ignored\":"), false));
    }

    private static Response send(Case c) {
        var spec = given().relaxedHTTPSValidation().urlEncodingEnabled(false);
        if (!c.target().equals("backend")) {
            spec = spec.baseUri(Stubs.get(c.target()).url()).port(-1);
        } else {
            spec = spec.baseUri(RestAssured.baseURI).port(RestAssured.port);
        }
        spec = spec.headers(c.headers());
        if (c.body() != null) {
            spec = spec.contentType("application/json").body(c.body());
        }
        return c.method().equals("GET") ? spec.get(c.path()) : c.method().equals("PUT") ? spec.put(c.path()) : spec.post(c.path());
    }

    private static String balance() {
        return Stubs.get("billing-stub", "/accounts/alice").extract().jsonPath().getString("balance");
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes());
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
