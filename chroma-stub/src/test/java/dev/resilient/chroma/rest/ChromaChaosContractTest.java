package dev.resilient.chroma.rest;

import dev.resilient.stubkit.testing.StubChaosContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
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

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(Endpoint.post("/add_chunks"), Endpoint.post("/query"), Endpoint.get("/collections"),
                Endpoint.get("/collections/contract"), Endpoint.delete("/collections/contract"));
    }
}
