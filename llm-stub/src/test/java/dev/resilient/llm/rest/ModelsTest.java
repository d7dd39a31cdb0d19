package dev.resilient.llm.rest;

import static dev.resilient.stubkit.testing.StubChaosContract.TOKEN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import dev.resilient.kit.secrets.InternalTokenHeader;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ModelsTest {

    @Test
    void listsTheConfiguredModelsDefaultFirst() {
        given().header(InternalTokenHeader.NAME, TOKEN).get("/v1/models").then().statusCode(200)
                .body("object", equalTo("list"))
                .body("data.id", contains("stub-model", "stub-model-advanced"))
                .body("data.object", everyItem(equalTo("model")))
                .body("data.owned_by", everyItem(equalTo("llm-stub")));
    }

    @Test
    void describesOneModelAnd404sForOthers() {
        given().header(InternalTokenHeader.NAME, TOKEN).get("/v1/models/stub-model-advanced").then().statusCode(200)
                .body("id", equalTo("stub-model-advanced")).body("owned_by", equalTo("llm-stub"));
        given().header(InternalTokenHeader.NAME, TOKEN).get("/v1/models/gpt-9").then().statusCode(404)
                .body("error", equalTo("model 'gpt-9' not found"));
    }

    @Test
    void needsNoApiKeyWhenNoneIsConfigured() {
        given().header(InternalTokenHeader.NAME, TOKEN).header("Authorization", "Bearer anything").get("/v1/models").then()
                .statusCode(200);
    }
}
