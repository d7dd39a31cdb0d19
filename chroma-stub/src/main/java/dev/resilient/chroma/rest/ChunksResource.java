package dev.resilient.chroma.rest;

import dev.resilient.chroma.model.AddChunksRequest;
import dev.resilient.chroma.model.AddChunksResponse;
import dev.resilient.chroma.model.QueryRequest;
import dev.resilient.chroma.model.QueryResponse;
import dev.resilient.chroma.service.VectorStore;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Consumer;

/** Chroma's write and search calls as the backend makes them: {@code /add_chunks} and {@code /query}. */
@Path("/")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ChunksResource {

    private final VectorStore store;

    ChunksResource(VectorStore store) {
        this.store = store;
    }

    /**
     * Upserts chunks by id into a collection, creating the collection if missing; a chunk whose
     * id exists replaces the old one. Answers 200 with the added/updated counts and the new size;
     * 400 {@code {"error"}} for an invalid body (nothing is stored), 507 when a configured
     * limit on collections or chunks would be exceeded (nothing is stored).
     */
    @POST
    @Path("add_chunks")
    public AddChunksResponse addChunks(AddChunksRequest request) {
        valid(request, AddChunksRequest::validate);
        return store.upsert(request.collectionName(), request.chunks());
    }

    /**
     * Ranks the collection's chunks by cosine distance to the query texts (a chunk's distance is
     * its smallest over the queries) and answers the {@code n_results} nearest, ascending.
     * Answers 400 for an invalid body, 404 {@code {"error": "collection 'x' not found"}} for an
     * unknown collection.
     */
    @POST
    @Path("query")
    public QueryResponse query(QueryRequest request) {
        valid(request, QueryRequest::validate);
        return new QueryResponse(store.query(request.collectionName(), request.queryTexts(), request.nResults()));
    }

    /** Turns a missing body or a broken rule into 400 with the rule's message. */
    private static <T> void valid(T request, Consumer<T> validation) {
        if (request == null) {
            throw new BadRequestException("a JSON request body is required");
        }
        try {
            validation.accept(request);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}
