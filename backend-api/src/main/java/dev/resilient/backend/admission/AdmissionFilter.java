package dev.resilient.backend.admission;

import dev.resilient.kit.criticality.AdmissionGate;
import dev.resilient.kit.criticality.Criticality;
import dev.resilient.kit.criticality.CriticalityHeader;
import dev.resilient.kit.errors.JsonErrors;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The front door: gives every request its criticality ({@link EndpointCriticality}, lowered by the
 * caller's {@code X-Request-Criticality}) and admits it under the backend's limit ({@link FrontDoor}).
 * A request past its criticality's share is answered 503 JSON with {@code Retry-After} and the
 * criticality it was refused at, before anything costly: it runs ahead of authentication (priority
 * above {@code SecurityHandlerPriorities.AUTHENTICATION}, 200), so no token is verified and no body read.
 * An admitted request holds its permit until its response ends or its connection closes.
 */
@ApplicationScoped
public class AdmissionFilter {

    /** Above authentication (200), below CORS (300), whose preflight answers need no admission. */
    static final int PRIORITY = 250;
    private static final String CRITICALITY = AdmissionFilter.class.getName() + ".criticality";
    private static final String PERMIT = AdmissionFilter.class.getName() + ".permit";

    private final FrontDoor frontDoor;

    AdmissionFilter(FrontDoor frontDoor) {
        this.frontDoor = frontDoor;
    }

    /** The criticality the front door gave this request ({@link Criticality#DEFAULT} if it never passed it). */
    public static Criticality criticalityOf(RoutingContext rc) {
        Criticality c = rc == null ? null : rc.get(CRITICALITY);
        return c == null ? Criticality.DEFAULT : c;
    }

    /** The front door's permit this request holds; null when admission is off or it never passed the front door. */
    public static AdmissionGate.Permit permitOf(RoutingContext rc) {
        return rc == null ? null : rc.get(PERMIT);
    }

    @RouteFilter(PRIORITY)
    void admit(RoutingContext rc) {
        Criticality criticality;
        try {
            criticality = CriticalityHeader.effective(EndpointCriticality.of(rc.request().method(), rc.normalizedPath()),
                    rc.request().getHeader(CriticalityHeader.NAME));
        } catch (IllegalArgumentException e) {
            JsonErrors.end(rc, 400, e.getMessage());
            return;
        }
        rc.put(CRITICALITY, criticality);
        if (!frontDoor.enabled()) {
            rc.next();
            return;
        }
        AdmissionGate gate = frontDoor.gate();
        Optional<AdmissionGate.Permit> permit = gate.tryAdmit(criticality);
        if (permit.isEmpty()) {
            rc.response().putHeader("Retry-After", String.valueOf(frontDoor.retryAfterSeconds()))
                    .putHeader(CriticalityHeader.NAME, criticality.wireName());
            JsonErrors.end(rc, 503, "The backend is at its capacity (" + gate.inFlight() + " requests in flight, limit "
                    + gate.limit() + "): " + criticality.wireName() + " requests are refused past "
                    + gate.threshold(criticality) + "; retry in " + frontDoor.retryAfterSeconds() + " s");
            return;
        }
        AdmissionGate.Permit held = permit.get();
        rc.put(PERMIT, held);
        rc.addEndHandler(done -> held.release(done.failed() || rc.response().getStatusCode() == 503
                || rc.response().getStatusCode() == 504));
        rc.next();
    }
}
