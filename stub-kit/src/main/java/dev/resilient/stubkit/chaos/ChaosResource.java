package dev.resilient.stubkit.chaos;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The fault-injection API every stub serves (behind the internal token). */
@Path("/_chaos")
@Produces(MediaType.APPLICATION_JSON)
public class ChaosResource {

    private final ChaosState state;

    ChaosResource(ChaosState state) {
        this.state = state;
    }

    @GET
    public ChaosStatus status() {
        return ChaosStatus.of(state.current(), state.counters());
    }

    /** Replaces the current fault; 400 with the reason when a field is out of range. */
    @PUT
    public ChaosStatus inject(ChaosRequest request) {
        if (request == null) {
            throw new BadRequestException("a JSON body with at least 'mode' is required");
        }
        FaultSpec spec;
        try {
            spec = request.toSpec();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return ChaosStatus.of(state.inject(spec), state.counters());
    }

    /** Heals the stub: every request is served normally again. Counters are kept. */
    @DELETE
    public ChaosStatus heal() {
        return ChaosStatus.of(state.heal(), state.counters());
    }

    /** Zeroes the counters (handy between scenarios); the fault is left as it is. */
    @DELETE
    @Path("/counters")
    public ChaosStatus resetCounters() {
        state.resetCounters();
        return status();
    }
}
