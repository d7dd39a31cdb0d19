package dev.resilient.llm.rest;

import dev.resilient.llm.model.ModelInfo;
import dev.resilient.llm.model.ModelList;
import dev.resilient.llm.service.ModelCatalog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** OpenAI's model listing: the models this provider serves. */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
@ApiKeyRequired
public class ModelsResource {

    private final ModelCatalog catalog;

    ModelsResource(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Lists the served models as {@code {"object": "list", "data": [{"id", "object": "model",
     * "owned_by"}]}}, the default model first. Fails only with 401 when an API key is required
     * and missing.
     */
    @GET
    public ModelList list() {
        return new ModelList("list", catalog.list());
    }

    /** Describes one served model; 404 {@code {"error": "model 'x' not found"}} for any other id. */
    @GET
    @Path("{id}")
    public ModelInfo get(@PathParam("id") String id) {
        return catalog.describe(id);
    }
}
