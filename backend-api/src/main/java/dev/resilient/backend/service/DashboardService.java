package dev.resilient.backend.service;

import dev.resilient.backend.api.BreakerView;
import dev.resilient.backend.api.DashboardState;
import dev.resilient.backend.api.LoginRequest;
import dev.resilient.backend.api.ServiceStatus;
import dev.resilient.backend.client.auth.AuthClient;
import dev.resilient.backend.client.auth.TokenRequest;
import dev.resilient.backend.client.auth.TokenResponse;
import dev.resilient.backend.mode.ModeState;
import dev.resilient.backend.mode.OperationModeService;
import dev.resilient.backend.resilience.AuthGuard;
import dev.resilient.backend.resilience.BreakerMonitor;
import dev.resilient.backend.resilience.Caller;
import dev.resilient.backend.resilience.Downstream;
import dev.resilient.backend.resilience.DownstreamClientError;
import dev.resilient.backend.resilience.DownstreamCall;
import dev.resilient.backend.resilience.Failures;
import dev.resilient.kit.errors.ApiError;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** What the dashboard page shows ({@link #state}) and its login ({@link #login}). */
@ApplicationScoped
public class DashboardService {

    static final int SHOWN_TRANSITIONS = 20;
    private static final Logger LOG = Logger.getLogger(DashboardService.class);

    private final StatusService status;
    private final BreakerMonitor breakers;
    private final OperationModeService modes;
    private final ChaosService chaos;
    private final AuthClient auth;
    private final AuthGuard authGuard;

    DashboardService(StatusService status, BreakerMonitor breakers, OperationModeService modes, ChaosService chaos,
            @RestClient AuthClient auth, AuthGuard authGuard) {
        this.authGuard = authGuard;
        this.status = status;
        this.breakers = breakers;
        this.modes = modes;
        this.chaos = chaos;
        this.auth = auth;
    }

    public DashboardState state() {
        Map<String, BreakerView> services = new LinkedHashMap<>();
        for (Downstream d : Downstream.values()) {
            ServiceStatus s = status.status(d);
            services.put(d.key(), new BreakerView(s.service(), s.state(), s.failureCount(), s.lastFailure(),
                    s.lastStateChange(), s.concurrency()));
        }
        ModeState mode = modes.current();
        List<BreakerMonitor.Transition> transitions = breakers.latestTransitions();
        return new DashboardState(services, mode.mode().name(), mode.reason(), mode.source(),
                transitions.subList(0, Math.min(SHOWN_TRANSITIONS, transitions.size())), chaos.services(),
                Instant.now());
    }

    /**
     * Exchanges credentials for a token at auth-stub, under {@link AuthGuard}'s policy: its 401 is
     * relayed (same answer for an unknown user and a wrong password), another 4xx is a 400, and
     * anything else (5xx or unreachable after both attempts, timeout, open breaker, no time left) a 503.
     */
    public TokenResponse login(Caller caller, LoginRequest credentials) {
        TokenRequest request = new TokenRequest(credentials.username(), credentials.password());
        try {
            return authGuard.call(DownstreamCall.to(Downstream.AUTH, "POST /token", caller,
                    (budgetMs, criticality) -> auth.token(budgetMs, criticality, request)));
        } catch (DownstreamClientError e) {
            throw ApiError.of(e.status() == 401 ? 401 : 400, e.status() == 401 ? "invalid credentials"
                    : "login refused: " + e.error());
        } catch (RuntimeException e) {
            LOG.warnf("Dashboard login: auth service unavailable: %s", Failures.describe(e));
            throw ApiError.of(503, "authentication service unavailable");
        }
    }
}
