package dev.resilient.git;

import dev.resilient.kit.secrets.InternalTokenHeader;
import dev.resilient.stubkit.testing.StubChaosContract;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Shared by the module's tests: unique project ids (one running app) and posting snapshots. */
final class GitTestSupport {

    private GitTestSupport() {
    }

    /** {@code StubChaosContract.authed()} is protected, so tests outside its subclasses build the same request here. */
    static RequestSpecification authed() {
        return RestAssured.given().header(InternalTokenHeader.NAME, StubChaosContract.TOKEN);
    }

    static String uniqueProject(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ValidatableResponse snapshot(String project, String message) {
        return authed().contentType(ContentType.JSON).body(Map.of("message", message))
                .post("/snapshot/" + project).then();
    }
}
