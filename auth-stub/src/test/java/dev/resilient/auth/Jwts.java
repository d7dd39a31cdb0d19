package dev.resilient.auth;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** What a resource server does with our tokens, written independently of the stub's own code. */
final class Jwts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Jwts() {
    }

    /** Logs in through the public endpoint and returns the access token. */
    static String login(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/token").then().statusCode(200).extract().path("access_token");
    }

    /** The first key of the public JWKS, rebuilt from its {@code n} and {@code e}. */
    static RSAPublicKey jwksKey() throws GeneralSecurityException {
        List<Map<String, String>> keys = given().get("/.well-known/jwks.json").then().statusCode(200).extract().path("keys");
        return rsaKey(keys.get(0).get("n"), keys.get(0).get("e"));
    }

    static RSAPublicKey rsaKey(String n, String e) throws GeneralSecurityException {
        Base64.Decoder d = Base64.getUrlDecoder();
        RSAPublicKeySpec spec = new RSAPublicKeySpec(new BigInteger(1, d.decode(n)), new BigInteger(1, d.decode(e)));
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec);
    }

    /** Checks the RS256 signature over {@code header.payload}. */
    static boolean verifies(String token, RSAPublicKey key) throws GeneralSecurityException {
        String[] parts = parts(token);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(key);
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    static Map<String, Object> header(String token) throws IOException {
        return decode(parts(token)[0]);
    }

    static Map<String, Object> claims(String token) throws IOException {
        return decode(parts(token)[1]);
    }

    /** The key id rule: base64url of the first 8 bytes of SHA-256 of the X.509-encoded public key. */
    static String expectedKid(RSAPublicKey key) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 8));
    }

    static String[] parts(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new AssertionError("not a compact JWS: " + token);
        }
        return parts;
    }

    private static Map<String, Object> decode(String part) throws IOException {
        return JSON.readValue(Base64.getUrlDecoder().decode(part), new TypeReference<>() {
        });
    }
}
