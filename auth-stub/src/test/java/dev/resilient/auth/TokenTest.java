package dev.resilient.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.kit.secrets.InternalTokenHeader;
import dev.resilient.stubkit.testing.StubChaosContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TokenTest {

    @Test
    void issuesABearerTokenWhoseSignatureVerifiesWithTheJwksKey() throws Exception {
        ValidatableResponse answer = given().contentType(ContentType.JSON)
                .body("{\"username\":\"alice\",\"password\":\"alice-password\"}")
                .post("/token").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3600));
        String token = answer.extract().path("access_token");

        RSAPublicKey key = Jwts.jwksKey();
        assertTrue(Jwts.verifies(token, key), "signature must verify with the JWKS key");
        Map<String, Object> header = Jwts.header(token);
        assertEquals("RS256", header.get("alg"));
        assertEquals(Jwts.expectedKid(key), header.get("kid"));
    }

    @Test
    void putsTheUserIssuerAndLifetimeIntoTheClaims() throws Exception {
        long before = Instant.now().getEpochSecond();
        Map<String, Object> claims = Jwts.claims(Jwts.login("bob", "bob-password"));

        assertEquals("resilient-suite-auth", claims.get("iss"));
        assertEquals("bob", claims.get("sub"));
        assertEquals("bob", claims.get("upn"));
        assertEquals(List.of("user"), claims.get("groups"));
        long iat = ((Number) claims.get("iat")).longValue();
        assertTrue(iat >= before - 1 && iat <= Instant.now().getEpochSecond() + 1, "iat is now");
        assertEquals(3600, ((Number) claims.get("exp")).longValue() - iat);
        assertTrue(claims.get("jti") instanceof String s && !s.isBlank());
    }

    @Test
    void givesAdminBothConfiguredGroups() throws Exception {
        assertEquals(List.of("user", "admin"), Jwts.claims(Jwts.login("admin", "admin-password")).get("groups"));
    }

    @Test
    void givesEveryTokenItsOwnJti() throws Exception {
        Object first = Jwts.claims(Jwts.login("alice", "alice-password")).get("jti");
        Object second = Jwts.claims(Jwts.login("alice", "alice-password")).get("jti");
        assertNotEquals(first, second);
    }

    @Test
    void aTamperedTokenNoLongerVerifies() throws Exception {
        String token = Jwts.login("alice", "alice-password");
        String[] parts = Jwts.parts(token);
        String forgedClaims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"admin\",\"groups\":[\"admin\"]}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertFalse(Jwts.verifies(parts[0] + "." + forgedClaims + "." + parts[2], Jwts.jwksKey()));
    }

    @Test
    void rejectsAWrongPasswordWith401() {
        for (String password : new String[] {"wrong", "alice-passwor", "alice-password ", "ALICE-PASSWORD", "bob-password"}) {
            given().contentType(ContentType.JSON).body(Map.of("username", "alice", "password", password))
                    .post("/token").then().statusCode(401).contentType(ContentType.JSON)
                    .body("error", equalTo("invalid credentials"));
        }
    }

    @Test
    void rejectsAnUnknownUserWith401LikeAWrongPassword() {
        given().contentType(ContentType.JSON).body(Map.of("username", "mallory", "password", "alice-password"))
                .post("/token").then().statusCode(401).body("error", equalTo("invalid credentials"));
        given().contentType(ContentType.JSON).body(Map.of("username", "Alice", "password", "alice-password"))
                .post("/token").then().statusCode(401).body("error", equalTo("invalid credentials"));
    }

    @Test
    void rejectsMissingOrMalformedFieldsWith400() {
        String[] bodies = {"", "{}", "{\"username\":\"alice\"}", "{\"password\":\"alice-password\"}",
            "{\"username\":\"\",\"password\":\"alice-password\"}", "{\"username\":\"alice\",\"password\":\"  \"}",
            "{\"username\":null,\"password\":\"x\"}", "{\"username\":[\"alice\"],\"password\":\"x\"}",
            "{\"username\":{},\"password\":\"x\"}", "{\"username\":", "[]", "\"alice\"",
            "{\"username\":\"" + "a".repeat(129) + "\",\"password\":\"x\"}",
            "{\"username\":\"alice\",\"password\":\"" + "p".repeat(257) + "\"}"};
        for (String body : bodies) {
            given().contentType(ContentType.JSON).body(body).post("/token").then().log().ifValidationFails()
                    .statusCode(400).contentType(ContentType.JSON).body("error", notNullValue());
        }
        given().contentType(ContentType.JSON).body("{\"username\":\"alice\"}").post("/token").then()
                .body("error", equalTo("password is required"));
    }

    @Test
    void servesTheJwksPubliclyInTheStandardShape() {
        given().get("/.well-known/jwks.json").then().statusCode(200).contentType(ContentType.JSON)
                .body("keys", hasSize(1))
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].use", equalTo("sig"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].e", equalTo("AQAB"))
                .body("keys[0].n", matchesPattern("[A-Za-z0-9_-]{342}"))
                .body("keys[0].kid", matchesPattern("[A-Za-z0-9_-]{11}"));
    }

    @Test
    void keepsKeyInfoBehindTheInternalTokenAndNamesTheJwksKey() throws Exception {
        given().get("/keys/info").then().statusCode(401);
        given().header(InternalTokenHeader.NAME, StubChaosContract.TOKEN).get("/keys/info").then()
                .statusCode(200)
                .body("kid", equalTo(Jwts.expectedKid(Jwts.jwksKey())))
                .body("algorithm", equalTo("RS256"))
                .body("issuer", equalTo("resilient-suite-auth"));
    }
}
