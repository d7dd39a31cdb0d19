package dev.resilient.chroma.rest;

import static dev.resilient.chroma.rest.ChromaRequests.add;
import static dev.resilient.chroma.rest.ChromaRequests.chunk;
import static dev.resilient.chroma.rest.ChromaRequests.chunks;
import static dev.resilient.chroma.rest.ChromaRequests.post;
import static dev.resilient.chroma.rest.ChromaRequests.postRaw;
import static dev.resilient.chroma.rest.ChromaRequests.query;
import static dev.resilient.chroma.rest.ChromaRequests.uniqueCollection;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QueryTest {

    @Test
    void ranksTheChunkSharingWordsWithTheQueryFirst() {
        String c = uniqueCollection("rank");
        add(c, List.of(
                chunk("weather", "The weather today is sunny with a light breeze"),
                chunk("breaker", "A circuit breaker opens after five failures and rejects calls"),
                chunk("cooking", "Boil the pasta for ten minutes then add salt"))).statusCode(200);

        query(c, 3, "when does the circuit breaker open?").statusCode(200)
                .body("documents.size()", equalTo(3))
                .body("documents[0].id", equalTo("breaker"))
                .body("documents[0].text", startsWith("A circuit breaker"))
                .body("documents[0].distance", lessThan(0.8))
                .body("documents[1].distance", greaterThan(0.8));
    }

    @Test
    void answersDistancesInAscendingOrderBetweenZeroAndOne() {
        String c = uniqueCollection("order");
        add(c, List.of(chunk("same", "retry with exponential backoff"),
                chunk("half", "retry later"), chunk("none", "unrelated words entirely"))).statusCode(200);
        query(c, 3, "retry with exponential backoff").statusCode(200)
                .body("documents.id", contains("same", "half", "none"))
                .body("documents[0].distance", closeTo(0.0, 1e-9))
                .body("documents[2].distance", closeTo(1.0, 1e-9));
    }

    @Test
    void usesTheBestDistanceOverSeveralQueryTexts() {
        String c = uniqueCollection("multi");
        add(c, List.of(chunk("apples", "apples and pears"), chunk("rockets", "rockets and satellites"),
                chunk("other", "nothing in common"))).statusCode(200);
        query(c, 2, "apples pears", "rockets satellites").statusCode(200)
                .body("documents.id", contains("apples", "rockets"))
                .body("documents[0].distance", lessThan(0.5))
                .body("documents[1].distance", lessThan(0.5));
    }

    @Test
    void answersAtMostNResultsAndFiveByDefault() {
        String c = uniqueCollection("limit");
        add(c, chunks(8, "d")).statusCode(200);
        query(c, 3, "text").statusCode(200).body("documents.size()", equalTo(3));
        post("/query", Map.of("collection_name", c, "query_texts", List.of("text"))).statusCode(200)
                .body("documents.size()", equalTo(5));
        query(c, 100, "text").statusCode(200).body("documents.size()", equalTo(8));
    }

    @Test
    void neverReturnsChunksOfAnotherCollection() {
        String a = uniqueCollection("iso-a");
        String b = uniqueCollection("iso-b");
        add(a, List.of(chunk("a-1", "shared words about invoices"))).statusCode(200);
        add(b, List.of(chunk("b-1", "shared words about invoices exactly"), chunk("b-2", "shared words"))).statusCode(200);

        query(a, 100, "shared words about invoices exactly").statusCode(200)
                .body("documents.size()", equalTo(1))
                .body("documents.id", everyItem(startsWith("a-")));
        query(b, 100, "invoices").statusCode(200)
                .body("documents.id", not(hasItem("a-1")));
    }

    @Test
    void answers404ForAnUnknownCollection() {
        query("no-such-collection-q", 5, "anything").statusCode(404).contentType(ContentType.JSON)
                .body("error", equalTo("collection 'no-such-collection-q' not found"));
    }

    @Test
    void aQueryWithoutWordsGetsDistanceOne() {
        String c = uniqueCollection("nowords");
        add(c, List.of(chunk("p", "punctuation only follows"))).statusCode(200);
        query(c, 1, "?!  ...").statusCode(200).body("documents[0].distance", closeTo(1.0, 1e-9));
    }

    @Test
    void rejectsInvalidQueriesWith400() {
        String c = uniqueCollection("bad-query");
        add(c, List.of(chunk("q", "query target"))).statusCode(200);
        String[] bodies = {
            "{\"collection_name\":\"" + c + "\",\"query_texts\":[]}",
            "{\"collection_name\":\"" + c + "\"}",
            "{\"query_texts\":[\"x\"]}",
            "{\"collection_name\":\"bad name\",\"query_texts\":[\"x\"]}",
            "{\"collection_name\":\"" + c + "\",\"query_texts\":[\"x\"],\"n_results\":0}",
            "{\"collection_name\":\"" + c + "\",\"query_texts\":[\"x\"],\"n_results\":-3}",
            "{\"collection_name\":\"" + c + "\",\"query_texts\":[\"x\"],\"n_results\":101}",
            "{\"collection_name\":\"" + c + "\",\"query_texts\":[\"x\"],\"n_results\":99999999999999999999}",
            "{\"collection_name\":\"" + c + "\",\"query_texts\":[\"x\"],\"n_results\":\"many\"}",
            "{\"collection_name\":\"" + c + "\",\"query_texts\":[\"x\"],\"n_results\":\"NaN\"}",
            "{\"collection_name\":\"" + c + "\",\"query_texts\":[null]}",
            "{\"collection_name\":\"" + c + "\",\"query_texts\":\"x\"}",
            "{\"collection_name\":\"" + c + "\",\"query_texts\":[\"" + "q".repeat(10_001) + "\"]}",
            "{\"collection_name\":\"" + c + "\",\"query_texts\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]}",
            "{\"collection_name\":",
            "null",
        };
        for (String body : bodies) {
            postRaw("/query", body).statusCode(400).contentType(ContentType.JSON).body("error", notNullValue());
        }
    }
}
