package dev.resilient.backend.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.resilient.backend.client.ServiceRoot;
import dev.resilient.backend.client.chaos.ChaosClient;
import dev.resilient.backend.config.DashboardConfig;
import dev.resilient.backend.resilience.DownstreamClientError;
import dev.resilient.backend.resilience.DownstreamException;
import dev.resilient.kit.errors.ApiError;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Injects and heals the stubs' faults for the dashboard's admin buttons, through each stub's
 * {@code /_chaos} API with the internal token. The stub validates the fault: its 400 reaches the
 * caller as is; an unreachable or failing stub is a 502.
 */
@ApplicationScoped
public class ChaosService {

    private static final Logger LOG = Logger.getLogger(ChaosService.class);

    private final Map<String, String> targets;
    private final Map<String, ChaosClient> clients = new ConcurrentHashMap<>();

    ChaosService(DashboardConfig config) {
        this.targets = new TreeMap<>(config.chaosTargets());
    }

    /** The services whose faults can be set, sorted. */
    public List<String> services() {
        return List.copyOf(targets.keySet());
    }

    public JsonNode status(String service) {
        return call(service, ChaosClient::status);
    }

    public JsonNode inject(String service, ObjectNode fault, String by) {
        if (fault == null || !fault.path("mode").isTextual()) {
            throw ApiError.of(400, "a JSON body with at least 'mode' is required");
        }
        JsonNode answer = call(service, c -> c.inject(fault));
        LOG.warnf("Chaos: %s injected into %s by %s", fault.get("mode").asText(), service, by);
        return answer;
    }

    public JsonNode heal(String service, String by) {
        JsonNode answer = call(service, ChaosClient::heal);
        LOG.infof("Chaos: %s healed by %s", service, by);
        return answer;
    }

    private JsonNode call(String service, Function<ChaosClient, JsonNode> action) {
        ChaosClient client = client(service);
        try {
            return action.apply(client);
        } catch (DownstreamClientError e) {
            if (e.status() == 400) {
                throw ApiError.of(400, e.error() == null ? "invalid fault" : e.error());
            }
            throw ApiError.of(502, service + " refused the chaos call (" + e.status() + ")");
        } catch (DownstreamException | ProcessingException e) {
            throw ApiError.of(502, service + " is unreachable or failing: " + e.getClass().getSimpleName());
        }
    }

    private ChaosClient client(String service) {
        String url = targets.get(service);
        if (url == null) {
            throw ApiError.of(404, "unknown service '" + service + "', expected one of " + String.join(", ", targets.keySet()));
        }
        return clients.computeIfAbsent(service, s -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(ServiceRoot.of(url)))
                .connectTimeout(2, TimeUnit.SECONDS)
                .readTimeout(5, TimeUnit.SECONDS)
                .build(ChaosClient.class));
    }
}
