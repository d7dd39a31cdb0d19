package dev.resilient.chroma.rest;

import static dev.resilient.chroma.rest.ChromaRequests.add;
import static dev.resilient.chroma.rest.ChromaRequests.chunk;
import static dev.resilient.chroma.rest.ChromaRequests.chunks;
import static dev.resilient.chroma.rest.ChromaRequests.postRaw;
import static dev.resilient.chroma.rest.ChromaRequests.query;
import static dev.resilient.chroma.rest.ChromaRequests.uniqueCollection;
import static dev.resilient.stubkit.testing.StubChaosContract.TOKEN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.resilient.kit.secrets.InternalTokenHeader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AddChunksTest {

    @Test
    void createsCollectionOnFirstAddAndReportsCounts() {
        String c = uniqueCollection("create");
        add(c, List.of(chunk("a", "alpha"), chunk("b", "beta"))).statusCode(200)
                .body("collection_name", equalTo(c))
                .body("added", equalTo(2)).body("updated", equalTo(0)).body("count", equalTo(2));
        given().header(InternalTokenHeader.NAME, TOKEN).get("/collections/" + c).then().statusCode(200)
                .body("name", equalTo(c)).body("count", equalTo(2)).body("ids", contains("a", "b"));
    }

    @Test
    void upsertsChunkWithSameIdInsteadOfDuplicating() {
        String c = uniqueCollection("upsert");
        add(c, List.of(chunk("doc-1", "old text about cats"), chunk("doc-2", "other"))).statusCode(200);
        add(c, List.of(chunk("doc-1", "new text about dogs"), chunk("doc-3", "third"))).statusCode(200)
                .body("added", equalTo(1)).body("updated", equalTo(1)).body("count", equalTo(3));

        given().header(InternalTokenHeader.NAME, TOKEN).get("/collections/" + c).then().statusCode(200)
                .body("count", equalTo(3)).body("ids", contains("doc-1", "doc-2", "doc-3"));
        query(c, 1, "dogs").statusCode(200)
                .body("documents[0].id", equalTo("doc-1"))
                .body("documents[0].text", equalTo("new text about dogs"));
    }

    @Test
    void repeatedIdWithinOneBatchKeepsTheLastVersion() {
        String c = uniqueCollection("same-batch");
        add(c, List.of(chunk("x", "first"), chunk("x", "second"))).statusCode(200)
                .body("added", equalTo(1)).body("updated", equalTo(1)).body("count", equalTo(1));
        query(c, 5, "second").statusCode(200)
                .body("documents.size()", equalTo(1)).body("documents[0].text", equalTo("second"));
    }

    @Test
    void storesAndReturnsMetadata() {
        String c = uniqueCollection("meta");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("filename", "notes.md");
        metadata.put("page", 3);
        metadata.put("score", 0.5);
        metadata.put("draft", true);
        add(c, List.of(chunk("m1", "metadata round trip", metadata), chunk("m2", "no metadata here"))).statusCode(200);
        query(c, 2, "metadata round trip").statusCode(200)
                .body("documents[0].id", equalTo("m1"))
                .body("documents[0].metadata.filename", equalTo("notes.md"))
                .body("documents[0].metadata.page", equalTo(3))
                .body("documents[0].metadata.score", equalTo(0.5))
                .body("documents[0].metadata.draft", equalTo(true))
                .body("documents[1].metadata", equalTo(Map.of()));
    }

    @Test
    void acceptsExactlyOneThousandChunks() {
        String c = uniqueCollection("thousand");
        add(c, chunks(1000, "k")).statusCode(200).body("count", equalTo(1000));
    }

    @Test
    void rejectsInvalidAddRequestsWith400AndStoresNothing() {
        String c = uniqueCollection("bad-add");
        add(c, List.of(chunk("keep", "kept text"))).statusCode(200);
        String longId = "i".repeat(257);
        String longText = "t".repeat(100_001);
        String[] bodies = {
            "{\"collection_name\":\"" + c + "\",\"chunks\":[]}",
            "{\"collection_name\":\"" + c + "\"}",
            "{\"chunks\":[{\"id\":\"a\",\"text\":\"t\"}]}",
            "{\"collection_name\":\"\",\"chunks\":[{\"id\":\"a\",\"text\":\"t\"}]}",
            "{\"collection_name\":\"bad/name\",\"chunks\":[{\"id\":\"a\",\"text\":\"t\"}]}",
            "{\"collection_name\":\"../etc\",\"chunks\":[{\"id\":\"a\",\"text\":\"t\"}]}",
            "{\"collection_name\":\"" + "n".repeat(129) + "\",\"chunks\":[{\"id\":\"a\",\"text\":\"t\"}]}",
            "{\"collection_name\":42,\"chunks\":{}}",
            "{\"collection_name\":\"" + c + "\",\"chunks\":[{\"id\":\"ok\",\"text\":\"t\"},{\"id\":\" \",\"text\":\"t\"}]}",
            "{\"collection_name\":\"" + c + "\",\"chunks\":[{\"id\":\"ok\",\"text\":\"t\"},{\"text\":\"t\"}]}",
            "{\"collection_name\":\"" + c + "\",\"chunks\":[{\"id\":\"" + longId + "\",\"text\":\"t\"}]}",
            "{\"collection_name\":\"" + c + "\",\"chunks\":[{\"id\":\"ok\",\"text\":\"t\"},{\"id\":\"n\"}]}",
            "{\"collection_name\":\"" + c + "\",\"chunks\":[{\"id\":\"n\",\"text\":null}]}",
            "{\"collection_name\":\"" + c + "\",\"chunks\":[{\"id\":\"n\",\"text\":\"" + longText + "\"}]}",
            "{\"collection_name\":\"" + c + "\",\"chunks\":[null]}",
            "{\"collection_name\":\"" + c + "\",\"chunks\":[{\"id\":\"n\",\"text\":\"t\",\"metadata\":{\"k\":{\"nested\":1}}}]}",
            "{\"collection_name\":\"" + c + "\",\"chunks\":[{\"id\":\"n\",\"text\":\"t\",\"metadata\":{\"k\":[1,2]}}]}",
            "{\"collection_name\":\"" + c + "\",\"chunks\":[{\"id\":\"n\",\"text\":\"t\",\"metadata\":{\"k\":null}}]}",
            "{\"collection_name\":\"" + c + "\",\"chunks\":[{\"id\":\"n\",\"text\":\"t\",\"metadata\":{\"k\":1e999}}]}",
            "{\"collection_name\":\"" + c + "\",\"chunks\":[{\"id\":\"n\",\"text\":\"t\",\"metadata\":\"flat\"}]}",
            "{\"collection_name\":\"" + c + "\",\"chunks\":[{\"id\":\"n\",\"text\":\"t\",\"metadata\":" + manyKeys(51) + "}]}",
            "{\"collection_name\":\"" + c + "\",\"chunks\":[{\"id\":\"n\",\"text\":\"t\"}",
            "[]",
            "null",
            "not json",
        };
        for (String body : bodies) {
            postRaw("/add_chunks", body).statusCode(400).contentType(ContentType.JSON).body("error", notNullValue());
        }
        given().header(InternalTokenHeader.NAME, TOKEN).get("/collections/" + c).then().statusCode(200)
                .body("count", equalTo(1)).body("ids", contains("keep"));
    }

    @Test
    void rejectsMoreThanOneThousandChunks() {
        String c = uniqueCollection("too-many");
        add(c, chunks(1001, "k")).statusCode(400).body("error", equalTo("chunks must hold at most 1000 chunks"));
        given().header(InternalTokenHeader.NAME, TOKEN).get("/collections/" + c).then().statusCode(404);
    }

    @Test
    void rejectsEmptyBodyAndWrongMediaType() {
        given().header(InternalTokenHeader.NAME, TOKEN).contentType(ContentType.JSON).post("/add_chunks").then()
                .statusCode(400).body("error", notNullValue());
        given().header(InternalTokenHeader.NAME, TOKEN).contentType(ContentType.TEXT).body("hello").post("/add_chunks").then()
                .statusCode(415).body("error", notNullValue());
    }

    @Test
    void explainsWhichChunkIsInvalid() {
        String c = uniqueCollection("explain");
        postRaw("/add_chunks", "{\"collection_name\":\"" + c + "\",\"chunks\":[{\"id\":\"doc-9\",\"text\":null}]}")
                .statusCode(400).body("error", equalTo("chunk 'doc-9': text is required"));
    }

    private static String manyKeys(int n) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        return sb.append('}').toString();
    }
}
