package dev.resilient.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.kit.secrets.InternalTokenHeader;
import dev.resilient.stubkit.testing.StubChaosContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(KeyFileProfile.class)
class KeyRotationTest {

    @Test
    void theKeyFileIsCreatedAtStartOnlyItsOwnerCanReadItAndItHoldsTheSigningKey() throws Exception {
        assertTrue(Files.exists(KeyFileProfile.FILE));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(KeyFileProfile.FILE)));
        String kid = Jwts.header(Jwts.login("alice", "alice-password")).get("kid").toString();
        assertTrue(Files.readString(KeyFileProfile.FILE).contains("BEGIN PRIVATE KEY"));
        given().header(InternalTokenHeader.NAME, StubChaosContract.TOKEN).get("/keys/info").then().body("kid", equalTo(kid));
    }

    @Test
    void aRotationSignsWithANewKeyAndKeepsPublishingThePreviousOneForTheTokenLifespan() throws Exception {
        String before = Jwts.login("alice", "alice-password");
        Instant rotatedAt = Instant.now();

        Map<String, Object> rotation = given().header(InternalTokenHeader.NAME, StubChaosContract.TOKEN)
                .post("/keys/rotate").then().statusCode(200).extract().as(Map.class);

        String after = Jwts.login("alice", "alice-password");
        assertEquals(rotation.get("kid"), Jwts.header(after).get("kid"));
        assertEquals(rotation.get("previous_kid"), Jwts.header(before).get("kid"));
        assertNotEquals(Jwts.header(before).get("kid"), Jwts.header(after).get("kid"));
        Instant until = Instant.parse(rotation.get("previous_published_until").toString());
        // 5 minutes of token lifespan plus a minute of verifier clock leeway
        assertTrue(!until.isBefore(rotatedAt.plus(Duration.ofMinutes(6)).minusSeconds(5))
                && !until.isAfter(rotatedAt.plus(Duration.ofMinutes(6)).plusSeconds(5)), until.toString());

        List<Map<String, String>> keys = given().get("/.well-known/jwks.json").then().statusCode(200).extract().path("keys");
        assertEquals(List.of(Jwts.header(after).get("kid"), Jwts.header(before).get("kid")), keys.stream().map(k -> k.get("kid")).toList(),
                "the signing key first, then the previous one");
        assertTrue(Jwts.verifies(before, key(keys.get(1))), "a token from before the rotation verifies with the published previous key");
        assertTrue(Jwts.verifies(after, key(keys.get(0))));
        assertTrue(Files.readString(KeyFileProfile.FILE).contains("published-until: " + until),
                "the previous key is in the key file, so a restart still publishes it");
    }

    @Test
    void rotatingNeedsTheInternalToken() {
        given().post("/keys/rotate").then().statusCode(401);
    }

    private static RSAPublicKey key(Map<String, String> jwk) throws Exception {
        return Jwts.rsaKey(jwk.get("n"), jwk.get("e"));
    }
}
