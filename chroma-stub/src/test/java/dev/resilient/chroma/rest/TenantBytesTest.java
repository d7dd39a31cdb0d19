package dev.resilient.chroma.rest;

import static dev.resilient.chroma.rest.ChromaRequests.add;
import static dev.resilient.chroma.rest.ChromaRequests.chunk;
import static dev.resilient.stubkit.testing.StubChaosContract.TOKEN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import dev.resilient.kit.secrets.InternalTokenHeader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Over HTTP: what one tenant may store is bounded in bytes, and the bound is that tenant's alone. */
@QuarkusTest
@TestProfile(SmallTenantBytesProfile.class)
class TenantBytesTest {

    @Test
    void aTenantPastItsBytesGets507JsonWhileAnotherTenantStillIndexes() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String alice = "project_alice" + run;
        String bob = "project_bob" + run;
        // text without letters or digits: no embedding, so a chunk weighs its id and text only
        add(alice + "__a", List.of(chunk("a1", "-".repeat(898)))).statusCode(200);
        add(alice + "__b", List.of(chunk("b1", "-".repeat(99)))).statusCode(507).contentType(ContentType.JSON)
                .body("error", equalTo("tenant storage full: at most 1000 bytes of chunks per tenant"
                        + " (chroma.max-bytes-per-tenant); this tenant holds 900 and the request adds 101"))
                .body("error", not(containsString("alice")));

        add(bob + "__a", List.of(chunk("a1", "-".repeat(998)))).statusCode(200).body("count", equalTo(1));

        given().header(InternalTokenHeader.NAME, TOKEN).delete("/collections/" + alice + "__a").then().statusCode(200);
        add(alice + "__b", List.of(chunk("b1", "-".repeat(99)))).statusCode(200).body("added", equalTo(1));
    }
}
