package dev.resilient.backend.probe;

import dev.resilient.backend.client.ServiceRoot;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import java.time.Duration;

/**
 * {@code GET <root>/health} of one of our services, the endpoint every stub serves without the internal
 * token and subject to its injected faults (a broken stub looks broken to it). Passes on any answer below
 * 500, as the breakers do: a 4xx (a server that has no {@code /health}) still proves it is up.
 */
final class HttpProbe implements Probe {

    static final String PATH = "/health";

    private final String component;
    private final String url;
    private final HttpClient client;
    private final Duration timeout;

    HttpProbe(String component, String baseUrl, HttpClient client, Duration timeout) {
        this.component = component;
        this.url = ServiceRoot.of(baseUrl) + PATH;
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    public String component() {
        return component;
    }

    @Override
    public Uni<Void> run() {
        // Vert.x drops the connection a little after the caller's timeout, so a hanging server holds nothing
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                .setIdleTimeout(timeout.toMillis() + 1000);
        return client.request(request)
                .chain(HttpClientRequest::send)
                .chain(response -> response.body().replaceWith(response.statusCode()))
                .invoke(status -> {
                    if (status >= 500) {
                        throw new ProbeFailedException("GET " + PATH + " answered " + status);
                    }
                })
                .replaceWithVoid();
    }

    @Override
    public String toString() {
        return component + " (GET " + url + ")";
    }
}
