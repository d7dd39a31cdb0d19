package dev.resilient.chroma.rest;

import dev.resilient.chroma.model.Chunk;
import dev.resilient.chroma.model.CollectionDeleted;
import dev.resilient.chroma.model.CollectionDetails;
import dev.resilient.chroma.model.CollectionList;
import dev.resilient.chroma.model.CollectionNames;
import dev.resilient.chroma.service.VectorStore;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Inspection and removal of collections (used by tests and operators, not by the seeds' backend). */
@Path("/collections")
@Produces(MediaType.APPLICATION_JSON)
public class CollectionsResource {

    private final VectorStore store;

    CollectionsResource(VectorStore store) {
        this.store = store;
    }

    /** Lists every collection with its chunk count, sorted by name. Never fails. */
    @GET
    public CollectionList list() {
        return new CollectionList(store.list());
    }

    /**
     * Answers the collection's chunk count and all its ids, sorted. 400 for an invalid name,
     * 404 {@code {"error": "collection 'x' not found"}} for an unknown one.
     */
    @GET
    @Path("{name}")
    public CollectionDetails get(@PathParam("name") String name) {
        return store.describe(validName(name));
    }

    /**
     * Answers one chunk by id, {@code {"id", "text", "metadata"}} as it was stored (what a test reads
     * to tell which version of a document is there; a query ranks by similarity and may not list it).
     * 400 for an invalid collection name, 404 for an unknown collection or chunk.
     */
    @GET
    @Path("{name}/chunks/{id}")
    public Chunk chunk(@PathParam("name") String name, @PathParam("id") String id) {
        return store.chunk(validName(name), id);
    }

    /**
     * Deletes the collection and all its chunks; answers {@code {"name", "deleted": true}}.
     * 400 for an invalid name, 404 for an unknown one.
     */
    @DELETE
    @Path("{name}")
    public CollectionDeleted delete(@PathParam("name") String name) {
        store.delete(validName(name));
        return new CollectionDeleted(name, true);
    }

    private static String validName(String name) {
        try {
            return CollectionNames.require(name);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}
