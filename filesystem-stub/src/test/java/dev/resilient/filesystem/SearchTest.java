package dev.resilient.filesystem;

import static dev.resilient.filesystem.FilesystemTestSupport.save;
import static dev.resilient.filesystem.FilesystemTestSupport.uniqueProject;
import static dev.resilient.filesystem.FilesystemTestSupport.authed;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SearchTest {

    @Test
    void ranksFilesByTermOccurrencesThenPathIgnoringCase() {
        String project = uniqueProject("rank");
        save(project, "one.md", "Resilience matters.", "overwrite").statusCode(200);
        save(project, "three.md", "resilience, RESILIENCE and resilience", "overwrite").statusCode(200);
        save(project, "b-two.md", "Resilience twice: resilience", "overwrite").statusCode(200);
        save(project, "a-two.md", "resilience and Resilience", "overwrite").statusCode(200);
        save(project, "none.md", "nothing to see", "overwrite").statusCode(200);
        authed().queryParam("q", "RESILIENCE").get("/projects/" + project + "/search").then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("results.path", equalTo(List.of("three.md", "a-two.md", "b-two.md", "one.md")))
                .body("results.score", equalTo(List.of(3, 2, 2, 1)));
    }

    @Test
    void scoresEveryQueryTermAndCountsRepeatedTermsOnce() {
        String project = uniqueProject("terms");
        save(project, "both.md", "circuit breaker opens; the breaker closes", "overwrite").statusCode(200);
        save(project, "one.md", "a circuit", "overwrite").statusCode(200);
        authed().queryParam("q", "  Circuit   breaker circuit ").get("/projects/" + project + "/search").then()
                .statusCode(200)
                .body("results.path", equalTo(List.of("both.md", "one.md")))
                .body("results.score", equalTo(List.of(3, 1)));
    }

    @Test
    void returnsOnlyPathSnippetAndScoreWithASnippetAroundTheFirstHit() {
        String project = uniqueProject("snippet");
        String text = "x".repeat(1000) + " the NEEDLE is here " + "y".repeat(1000) + " needle again";
        save(project, "hay.txt", text, "overwrite").statusCode(200);
        var hit = authed().queryParam("q", "needle").get("/projects/" + project + "/search").then().statusCode(200)
                .body("results", hasSize(1))
                .body("results[0].snippet", containsString("the NEEDLE is here"))
                .extract().<Map<String, Object>>path("results[0]");
        assertEquals(java.util.Set.of("path", "snippet", "score"), hit.keySet());
        String snippet = (String) hit.get("snippet");
        assertTrue(snippet.length() <= 160 && snippet.length() >= 120, "snippet length " + snippet.length());
        assertEquals(2, hit.get("score"));
    }

    @Test
    void snippetCollapsesWhitespaceAndFitsShortFiles() {
        String project = uniqueProject("short");
        save(project, "chat_history.md", "\n\n## User\nWhat is a bulkhead?\n\n## AI\nA bulkhead isolates.", null).statusCode(200);
        authed().queryParam("q", "bulkhead").get("/projects/" + project + "/search").then().statusCode(200)
                .body("results[0].snippet", equalTo("## User What is a bulkhead? ## AI A bulkhead isolates."))
                .body("results[0].score", equalTo(2));
    }

    @Test
    void honoursLimitAndAnswersEmptyResultsWhenNothingMatches() {
        String project = uniqueProject("limit");
        for (int i = 0; i < 12; i++) {
            save(project, String.format("f%02d.md", i), "term ".repeat(i + 1), "overwrite").statusCode(200);
        }
        authed().queryParam("q", "term").get("/projects/" + project + "/search").then().statusCode(200)
                .body("results", hasSize(10)).body("results[0].path", equalTo("f11.md"));
        authed().queryParam("q", "term").queryParam("limit", 3).get("/projects/" + project + "/search").then()
                .statusCode(200).body("results.path", equalTo(List.of("f11.md", "f10.md", "f09.md")));
        authed().queryParam("q", "absent").get("/projects/" + project + "/search").then().statusCode(200)
                .body("results", empty());
    }

    @Test
    void rejectsBlankOrOversizedQueriesAndBadLimitsWith400() {
        String project = uniqueProject("badsearch");
        save(project, "a.md", "a", "overwrite").statusCode(200);
        String url = "/projects/" + project + "/search";
        authed().get(url).then().statusCode(400).body("error", notNullValue());
        authed().queryParam("q", "   ").get(url).then().statusCode(400).body("error", notNullValue());
        authed().queryParam("q", "a".repeat(1001)).get(url).then().statusCode(400).body("error", notNullValue());
        authed().queryParam("q", "a".repeat(1000)).get(url).then().statusCode(200);
        for (String limit : new String[] {"0", "-1", "101", "abc", "1.5", "99999999999"}) {
            authed().queryParam("q", "a").queryParam("limit", limit).get(url).then().log().ifValidationFails()
                    .statusCode(400).contentType(ContentType.JSON).body("error", notNullValue());
        }
        authed().queryParam("q", "a").queryParam("limit", 100).get(url).then().statusCode(200);
    }

    @Test
    void answers404ForAnUnknownProjectAnd400ForAMalformedOne() {
        authed().queryParam("q", "x").get("/projects/no-such-project-here/search").then().statusCode(404)
                .body("error", equalTo("project 'no-such-project-here' not found"));
        authed().queryParam("q", "x").get("/projects/bad.id/search").then().statusCode(400).body("error", notNullValue());
    }

    @Test
    void searchesOnlyTheOwnProject() {
        String mine = uniqueProject("mine");
        String other = uniqueProject("other");
        save(mine, "a.md", "alpha", "overwrite").statusCode(200);
        save(other, "b.md", "zebra", "overwrite").statusCode(200);
        authed().queryParam("q", "zebra").get("/projects/" + mine + "/search").then().statusCode(200)
                .body("results", empty());
    }

    @Test
    void searchesOneFolderOnlyWhenAskedKeepingPathsRelativeToTheProject() {
        String project = uniqueProject("under");
        save(project, "docs/guide.md", "retry with backoff", "overwrite").statusCode(200);
        save(project, "docs/deep/more.md", "a retry again", "overwrite").statusCode(200);
        save(project, "chat_history.md", "retry retry retry", "append").statusCode(200);
        String url = "/projects/" + project + "/search";
        authed().queryParam("q", "retry").get(url).then().statusCode(200)
                .body("results.path", equalTo(List.of("chat_history.md", "docs/deep/more.md", "docs/guide.md")));
        authed().queryParam("q", "retry").queryParam("under", "docs").get(url).then().statusCode(200)
                .body("results.path", equalTo(List.of("docs/deep/more.md", "docs/guide.md")));
        authed().queryParam("q", "retry").queryParam("under", "nothing-here").get(url).then().statusCode(200)
                .body("results", empty());
    }

    @Test
    void refusesAFolderOutsideTheProjectWith400() {
        String project = uniqueProject("underbad");
        save(project, "docs/a.md", "alpha", "overwrite").statusCode(200);
        String url = "/projects/" + project + "/search";
        for (String under : new String[] {"../other", "/etc", "docs/../..", "a\\b", "docs//x"}) {
            authed().queryParam("q", "alpha").queryParam("under", under).get(url).then().log().ifValidationFails()
                    .statusCode(400).contentType(ContentType.JSON).body("error", containsString("under"));
        }
    }
}
