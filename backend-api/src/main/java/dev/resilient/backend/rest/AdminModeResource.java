package dev.resilient.backend.rest;

import dev.resilient.backend.api.ModeOverride;
import dev.resilient.backend.api.ModeView;
import dev.resilient.backend.mode.FeatureFlags;
import dev.resilient.backend.mode.ModeOverrideStore;
import dev.resilient.backend.mode.ModeState;
import dev.resilient.backend.mode.OperationMode;
import dev.resilient.backend.mode.OperationModeService;
import dev.resilient.kit.errors.ApiError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The operator's switch (admin credential: a token with the {@code admin} group; 403 otherwise):
 * {@code PUT} sets a mode (MAINTENANCE, say) until {@code DELETE} hands control back to the
 * breakers and the health checks. The override is kept in the job database: it holds on every backend process (within a
 * second) and across restarts. {@code GET} shows the mode, its reasons and the feature flags.
 */
@Path("/v1/api/admin/operation-mode")
@RolesAllowed("admin")
@TimeBudget("admin")
public class AdminModeResource {

    private final OperationModeService modes;
    private final FeatureFlags features;
    private final JsonWebToken jwt;

    AdminModeResource(OperationModeService modes, FeatureFlags features, JsonWebToken jwt) {
        this.modes = modes;
        this.features = features;
        this.jwt = jwt;
    }

    @GET
    public ModeView get() {
        return view(modes.current());
    }

    /** Sets the override on every backend process; 503 {@code {"error"}} when the job database cannot be written. */
    @PUT
    public ModeView set(@NotNull @Valid ModeOverride request) {
        return stored(() -> modes.override(OperationMode.valueOf(request.mode()), request.reason(), jwt.getName()));
    }

    /** Clears the override on every backend process; 503 {@code {"error"}} when the job database cannot be written. */
    @DELETE
    public ModeView clear() {
        return stored(modes::clearOverride);
    }

    private ModeView stored(Supplier<ModeState> change) {
        try {
            return view(change.get());
        } catch (ModeOverrideStore.UnavailableException e) {
            throw ApiError.of(503, e.getMessage());
        }
    }

    private ModeView view(ModeState s) {
        return new ModeView(s.mode().name(), s.reason(), s.reasons(), s.source(), s.since(), features.snapshot());
    }
}
