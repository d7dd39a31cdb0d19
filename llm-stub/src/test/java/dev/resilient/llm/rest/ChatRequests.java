package dev.resilient.llm.rest;

import static dev.resilient.stubkit.testing.StubChaosContract.TOKEN;
import static io.restassured.RestAssured.given;

import dev.resilient.kit.secrets.InternalTokenHeader;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders for chat completion calls, so each test reads as the conversation it sends. */
final class ChatRequests {

    private ChatRequests() {
    }

    static Map<String, Object> message(String role, String content) {
        return Map.of("role", role, "content", content);
    }

    static Map<String, Object> body(String model, List<Map<String, Object>> messages) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (model != null) {
            body.put("model", model);
        }
        body.put("messages", messages);
        return body;
    }

    /** Posts a body: a map (serialised as JSON) or a raw JSON string sent as is. */
    static ValidatableResponse chat(Object body) {
        return given().header(InternalTokenHeader.NAME, TOKEN).contentType(ContentType.JSON).body(body)
                .post("/v1/chat/completions").then().log().ifValidationFails();
    }
}
