package dev.resilient.chroma.rest;

import dev.resilient.stubkit.testing.StubChaosContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;

@QuarkusTest
class ChromaChaosContractTest extends StubChaosContract {

    @BeforeEach
    void createCollection() {
        authed().contentType(ContentType.JSON)
                .body("{\"collection_name\":\"contract\",\"chunks\":[{\"id\":\"c1\",\"text\":\"chaos contract\"}]}")
                .post("/add_chunks").then().statusCode(200);
    }

    @Override
    protected String protectedGetPath() {
        return "/collections/contract";
    }
}
