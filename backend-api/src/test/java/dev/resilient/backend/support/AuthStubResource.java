package dev.resilient.backend.support;

import java.util.Map;

/** Runs the real auth-stub jar; the backend verifies its tokens against its JWKS (and the dashboard logs in there). */
public class AuthStubResource extends StubResource {

    @Override
    String module() {
        return "auth-stub";
    }

    /** Signs with a key pair the tests know ({@link TestSigningKey}), so they can mint an expired token. */
    @Override
    Map<String, String> stubProperties() {
        return TestSigningKey.authStubProperties();
    }

    @Override
    Map<String, String> backendConfig(ServiceProcess stub) {
        return Map.of("mp.jwt.verify.publickey.location", stub.url() + "/.well-known/jwks.json",
                "quarkus.rest-client.auth.url", stub.url());
    }
}
