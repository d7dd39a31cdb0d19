package dev.resilient.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.kit.secrets.InternalTokenHeader;
import dev.resilient.stubkit.testing.StubChaosContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ConfiguredKeyProfile.class)
class ConfiguredKeyTest {

    @Test
    void signsWithTheConfiguredKeyAndDerivesItsKidFromIt() throws Exception {
        RSAPublicKey configured = readConfiguredPublicKey();
        String token = Jwts.login("alice", "alice-password");

        assertTrue(Jwts.verifies(token, configured), "token must verify with the configured public key");
        assertEquals(Jwts.expectedKid(configured), Jwts.header(token).get("kid"));
        RSAPublicKey published = Jwts.jwksKey();
        assertEquals(configured.getModulus(), published.getModulus());
        assertEquals(configured.getPublicExponent(), published.getPublicExponent());
        given().get("/.well-known/jwks.json").then().body("keys[0].kid", equalTo(Jwts.expectedKid(configured)));
    }

    @Test
    void usesTheConfiguredIssuerAndLifespan() throws Exception {
        given().contentType("application/json").body(Map.of("username", "bob", "password", "bob-password"))
                .post("/token").then().statusCode(200).body("expires_in", equalTo(300));
        Map<String, Object> claims = Jwts.claims(Jwts.login("bob", "bob-password"));
        assertEquals("test-issuer", claims.get("iss"));
        assertEquals(300, ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue());
    }

    @Test
    void aConfiguredKeyIsNotRotated() {
        given().header(InternalTokenHeader.NAME, StubChaosContract.TOKEN).post("/keys/rotate").then()
                .statusCode(409).body("error", org.hamcrest.Matchers.containsString("auth.private-key-location"));
    }

    private static RSAPublicKey readConfiguredPublicKey() throws Exception {
        String pem = Files.readString(ConfiguredKeyProfile.PUBLIC, StandardCharsets.US_ASCII)
                .replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "");
        byte[] der = Base64.getMimeDecoder().decode(pem);
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }
}
