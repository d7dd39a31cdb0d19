package dev.resilient.llm.rest;

import static dev.resilient.llm.rest.ChatRequests.body;
import static dev.resilient.llm.rest.ChatRequests.message;
import static dev.resilient.stubkit.testing.StubChaosContract.TOKEN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.resilient.kit.secrets.InternalTokenHeader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ApiKeyProfile.class)
class ApiKeyTest {

    private static final Object QUESTION = body(null, List.of(message("system", "ctx"), message("user", "who answers?")));

    private static RequestSpecification internal() {
        return given().header(InternalTokenHeader.NAME, TOKEN);
    }

    @Test
    void rejectsAMissingApiKeyWith401JsonError() {
        internal().contentType(ContentType.JSON).body(QUESTION).post("/v1/chat/completions").then()
                .statusCode(401).contentType(ContentType.JSON)
                .header("WWW-Authenticate", "Bearer")
                .body("error", notNullValue());
        internal().get("/v1/models").then().statusCode(401).body("error", notNullValue());
    }

    @Test
    void rejectsAWrongOrMalformedApiKeyWith401() {
        for (String header : new String[] {"Bearer sk-test-secreT", "Bearer sk-test-secret-longer", "Bearer ",
                "Basic c2stdGVzdC1zZWNyZXQ=", "sk-test-secret"}) {
            internal().header("Authorization", header).contentType(ContentType.JSON).body(QUESTION)
                    .post("/v1/chat/completions").then().statusCode(401);
        }
    }

    @Test
    void acceptsTheRightApiKeyAndAnswersAsTheConfiguredProvider() {
        internal().header("Authorization", "Bearer " + ApiKeyProfile.KEY).contentType(ContentType.JSON).body(QUESTION)
                .post("/v1/chat/completions").then().statusCode(200)
                .body("provider", equalTo("secondary"))
                .body("choices[0].message.content",
                        equalTo("[secondary] Answer to: who answers? | Based on context: ctx"));
        internal().header("Authorization", "bearer " + ApiKeyProfile.KEY).get("/v1/models").then().statusCode(200)
                .body("data.id", contains("stub-model", "secondary-model"))
                .body("data[0].owned_by", equalTo("secondary"));
    }

    @Test
    void stillNeedsTheInternalTokenAndKeepsHealthPublic() {
        given().header("Authorization", "Bearer " + ApiKeyProfile.KEY).get("/v1/models").then().statusCode(401);
        given().get("/health").then().statusCode(200).body("service", equalTo("llm-stub"));
    }
}
