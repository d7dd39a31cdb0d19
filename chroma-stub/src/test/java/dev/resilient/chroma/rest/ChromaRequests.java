package dev.resilient.chroma.rest;

import static dev.resilient.stubkit.testing.StubChaosContract.TOKEN;
import static io.restassured.RestAssured.given;

import dev.resilient.kit.secrets.InternalTokenHeader;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builders for the test bodies, so each test reads as what it sends. */
final class ChromaRequests {

    private ChromaRequests() {
    }

    static String uniqueCollection(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static Map<String, Object> chunk(String id, String text) {
        Map<String, Object> chunk = new LinkedHashMap<>();
        chunk.put("id", id);
        chunk.put("text", text);
        return chunk;
    }

    static Map<String, Object> chunk(String id, String text, Map<String, Object> metadata) {
        Map<String, Object> chunk = chunk(id, text);
        chunk.put("metadata", metadata);
        return chunk;
    }

    static ValidatableResponse add(String collection, List<Map<String, Object>> chunks) {
        return post("/add_chunks", Map.of("collection_name", collection, "chunks", chunks));
    }

    static ValidatableResponse query(String collection, int nResults, String... texts) {
        return post("/query", Map.of("collection_name", collection, "query_texts", List.of(texts), "n_results", nResults));
    }

    /** Distances compare as doubles, not as the floats REST Assured picks by default. */
    static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));

    static ValidatableResponse post(String path, Object body) {
        return given().config(DOUBLES).header(InternalTokenHeader.NAME, TOKEN).contentType(ContentType.JSON).body(body)
                .post(path).then().log().ifValidationFails();
    }

    static ValidatableResponse postRaw(String path, String json) {
        return given().header(InternalTokenHeader.NAME, TOKEN).contentType(ContentType.JSON).body(json)
                .post(path).then().log().ifValidationFails();
    }

    static List<Map<String, Object>> chunks(int n, String prefix) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(chunk(prefix + i, "text " + i));
        }
        return list;
    }
}
