package dev.resilient.chroma.rest;

import static dev.resilient.chroma.rest.ChromaRequests.add;
import static dev.resilient.chroma.rest.ChromaRequests.chunk;
import static dev.resilient.chroma.rest.ChromaRequests.query;
import static dev.resilient.chroma.rest.ChromaRequests.uniqueCollection;
import static dev.resilient.stubkit.testing.StubChaosContract.TOKEN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.resilient.kit.secrets.InternalTokenHeader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CollectionsTest {

    private static RequestSpecification authed() {
        return given().header(InternalTokenHeader.NAME, TOKEN);
    }

    @Test
    void listsCollectionsWithTheirCounts() {
        String c = uniqueCollection("listed");
        add(c, List.of(chunk("1", "one"), chunk("2", "two"))).statusCode(200);
        authed().get("/collections").then().statusCode(200)
                .body("collections.find { it.name == '" + c + "' }.count", equalTo(2));
    }

    @Test
    void deletesACollectionAndItsChunks() {
        String c = uniqueCollection("deleted");
        add(c, List.of(chunk("gone", "soon gone"))).statusCode(200);
        authed().delete("/collections/" + c).then().statusCode(200)
                .body("name", equalTo(c)).body("deleted", equalTo(true));
        authed().get("/collections/" + c).then().statusCode(404);
        query(c, 5, "gone").statusCode(404);
        authed().get("/collections").then().body("collections.name", not(hasItem(c)));

        add(c, List.of(chunk("again", "fresh start"))).statusCode(200)
                .body("added", equalTo(1)).body("count", equalTo(1));
    }

    @Test
    void readsOneChunkByIdAsLastStoredWhateverAQueryWouldRank() {
        String c = uniqueCollection("by-id");
        add(c, List.of(chunk("doc", "first version"), chunk("other", "unrelated words"))).statusCode(200);
        add(c, List.of(chunk("doc", "second version"))).statusCode(200);
        authed().get("/collections/" + c + "/chunks/doc").then().statusCode(200)
                .body("id", equalTo("doc")).body("text", equalTo("second version")).body("metadata", notNullValue());
        authed().get("/collections/" + c + "/chunks/missing").then().statusCode(404).contentType(ContentType.JSON)
                .body("error", equalTo("chunk 'missing' not found in collection '" + c + "'"));
        authed().get("/collections/never-created/chunks/doc").then().statusCode(404)
                .body("error", equalTo("collection 'never-created' not found"));
    }

    @Test
    void answers404ForUnknownCollections() {
        authed().get("/collections/never-created").then().statusCode(404).contentType(ContentType.JSON)
                .body("error", equalTo("collection 'never-created' not found"));
        authed().delete("/collections/never-created").then().statusCode(404)
                .body("error", equalTo("collection 'never-created' not found"));
    }

    @Test
    void rejectsInvalidCollectionNamesInThePathWith400() {
        authed().get("/collections/" + "x".repeat(129)).then().statusCode(400).body("error", notNullValue());
        authed().urlEncodingEnabled(false).get("/collections/bad%20name").then().statusCode(400)
                .body("error", notNullValue());
        authed().urlEncodingEnabled(false).delete("/collections/..%2Fetc").then().statusCode(400)
                .body("error", notNullValue());
    }
}
