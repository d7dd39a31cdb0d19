package dev.resilient.backend.client.llm;

import dev.resilient.kit.secrets.InternalTokenHeader;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * An OpenAI-compatible chat-completions API. Not a CDI REST client: {@code LlmProviders} builds
 * one instance per provider (primary, secondary) from {@code llm.<provider>.*}, whose base URL
 * includes the version, e.g. {@code http://localhost:6006/v1} or {@code https://api.openai.com/v1}.
 * Each call is guarded by that provider's guard. Throws {@code DownstreamClientError} on a 4xx,
 * {@code DownstreamServerError} on a 5xx, {@code ProcessingException} when the connection fails.
 */
@Path("/")
public interface LlmClient {

    /**
     * Generates the assistant's answer to the messages.
     *
     * @param authorization {@code Bearer <api key>}, or null when the provider needs no key
     * @param internalToken the suite's internal token for our own llm-stub, or null for an outside provider
     */
    @POST
    @Path("chat/completions")
    ChatCompletion complete(@HeaderParam("Authorization") String authorization,
            @HeaderParam(InternalTokenHeader.NAME) String internalToken, ChatCompletionRequest request);
}
