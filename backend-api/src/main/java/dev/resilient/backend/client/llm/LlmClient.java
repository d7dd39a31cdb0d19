package dev.resilient.backend.client.llm;

import dev.resilient.kit.criticality.CriticalityHeader;
import dev.resilient.kit.deadline.DeadlineHeader;
import dev.resilient.kit.secrets.InternalTokenHeader;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * An OpenAI-compatible chat-completions API. Not a CDI REST client: {@code LlmProviders} builds
 * one instance per provider (primary, secondary) from {@code llm.<provider>.*}, whose base URL
 * includes the version, e.g. {@code http://localhost:6006/v1} or {@code https://api.openai.com/v1}.
 * Each call is guarded by that provider's guard. Fails with {@code DownstreamClientError} on a 4xx,
 * {@code DownstreamServerError} on a 5xx, {@code ProcessingException} when the connection fails.
 * Each guarded method returns a {@link Uni}: the guard subscribes once per attempt and stops
 * waiting (cancelling the request) when the caller's deadline comes first. {@code budgetMs} is the
 * attempt's time budget, sent as {@code X-Request-Timeout-Ms} (no header when null), and
 * {@code criticality} the caller's, sent as {@code X-Request-Criticality}: a stub past its capacity
 * refuses the least important with 503.
 */
@Path("/")
public interface LlmClient {

    /**
     * Generates the assistant's answer to the messages.
     *
     * @param budgetMs      the attempt's time budget ({@code X-Request-Timeout-Ms}), or null for none
     * @param criticality   the caller's criticality ({@code X-Request-Criticality})
     * @param authorization {@code Bearer <api key>}, or null when the provider needs no key
     * @param internalToken the suite's internal token for our own llm-stub, or null for an outside provider
     */
    @POST
    @Path("chat/completions")
    Uni<ChatCompletion> complete(@HeaderParam(DeadlineHeader.NAME) Long budgetMs,
            @HeaderParam(CriticalityHeader.NAME) String criticality, @HeaderParam("Authorization") String authorization,
            @HeaderParam(InternalTokenHeader.NAME) String internalToken, ChatCompletionRequest request);
}
