package dev.resilient.backend.it.soak;

import dev.resilient.kit.secrets.InternalTokenHeader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A stub's {@code /_chaos} API (stub-kit), with the internal token: set a fault, heal. */
public final class ChaosApi {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String internalToken;

    public ChaosApi(String internalToken) {
        this.internalToken = internalToken;
    }

    /** {@code PUT /_chaos}; true when the stub took it (false when it is down or did not answer). */
    public boolean put(String stubUrl, String json) {
        return send(HttpRequest.newBuilder(URI.create(stubUrl + "/_chaos")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** {@code DELETE /_chaos}: healthy again. */
    public boolean heal(String stubUrl) {
        return send(HttpRequest.newBuilder(URI.create(stubUrl + "/_chaos")).DELETE());
    }

    /** A GET with the internal token, straight to a stub (the soak's checks of what is stored). */
    public HttpResponse<String> get(String stubUrl, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stubUrl + path)).header(InternalTokenHeader.NAME, internalToken)
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST with the internal token, straight to a stub (e.g. a query at chroma-stub). */
    public HttpResponse<String> post(String stubUrl, String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stubUrl + path)).header(InternalTokenHeader.NAME, internalToken)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private boolean send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.header(InternalTokenHeader.NAME, internalToken)
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("/_chaos answered " + r.statusCode() + ": " + r.body());
            }
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
