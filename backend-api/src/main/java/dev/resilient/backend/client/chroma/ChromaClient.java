package dev.resilient.backend.client.chroma;

import dev.resilient.backend.client.InternalTokenHeaders;
import dev.resilient.kit.criticality.CriticalityHeader;
import dev.resilient.kit.deadline.DeadlineHeader;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The vector store ({@code quarkus.rest-client.chroma.url}, env {@code CHROMA_SERVER_URL}).
 * Plain transport: the fault-tolerance policy is applied by {@code ChromaGuard} around each call.
 * Every method fails with {@code DownstreamClientError} on a 4xx, {@code DownstreamServerError} on a
 * 5xx and {@code jakarta.ws.rs.ProcessingException} when the connection fails.
 * Each guarded method returns a {@link Uni}: the guard subscribes once per attempt and stops
 * waiting (cancelling the request) when the caller's deadline comes first. {@code budgetMs} is the
 * attempt's time budget, sent as {@code X-Request-Timeout-Ms} (no header when null), and
 * {@code criticality} the caller's, sent as {@code X-Request-Criticality}: a stub past its capacity
 * refuses the least important with 503.
 */
@RegisterRestClient(configKey = "chroma")
@RegisterClientHeaders(InternalTokenHeaders.class)
@Path("/")
public interface ChromaClient {

    /** Ranks a collection's chunks against the query texts; 404 ({@code DownstreamClientError}) for an unknown collection. */
    @POST
    @Path("query")
    Uni<ChromaQueryResult> query(@HeaderParam(DeadlineHeader.NAME) Long budgetMs,
            @HeaderParam(CriticalityHeader.NAME) String criticality, ChromaQuery query);

    /** Upserts chunks by id (a repeated id replaces, never duplicates); creates the collection. */
    @POST
    @Path("add_chunks")
    Uni<ChromaAddResult> addChunks(@HeaderParam(DeadlineHeader.NAME) Long budgetMs,
            @HeaderParam(CriticalityHeader.NAME) String criticality, ChromaAddChunks chunks);
}
