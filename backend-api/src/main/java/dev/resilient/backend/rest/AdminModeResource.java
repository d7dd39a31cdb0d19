package dev.resilient.backend.rest;

import dev.resilient.backend.api.ModeOverride;
import dev.resilient.backend.api.ModeView;
import dev.resilient.backend.mode.FeatureFlags;
import dev.resilient.backend.mode.ModeState;
import dev.resilient.backend.mode.OperationMode;
import dev.resilient.backend.mode.OperationModeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The operator's switch (admin credential: a token with the {@code admin} group; 403 otherwise):
 * {@code PUT} sets a mode (MAINTENANCE, say) until {@code DELETE} hands control back to the
 * breakers. {@code GET} shows the mode and the feature flags.
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

    @PUT
    public ModeView set(@NotNull @Valid ModeOverride request) {
        return view(modes.override(OperationMode.valueOf(request.mode()), request.reason(), jwt.getName()));
    }

    @DELETE
    public ModeView clear() {
        return view(modes.clearOverride());
    }

    private ModeView view(ModeState s) {
        return new ModeView(s.mode().name(), s.reason(), s.source(), s.since(), features.snapshot());
    }
}
