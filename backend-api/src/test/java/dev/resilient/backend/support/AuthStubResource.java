package dev.resilient.backend.support;

import java.util.Map;

/** Runs the real auth-stub jar; the backend verifies its tokens against its JWKS (and the dashboard logs in there). */
public class AuthStubResource extends StubResource {

    @Override
    String module() {
        return "auth-stub";
    }

    @Override
    Map<String, String> backendConfig(StubProcess stub) {
        return Map.of("mp.jwt.verify.publickey.location", stub.url() + "/.well-known/jwks.json",
                "quarkus.rest-client.auth.url", stub.url());
    }
}
