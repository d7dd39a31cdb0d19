package dev.resilient.backend.client;

import dev.resilient.backend.model.ChatCompletion;
import dev.resilient.backend.model.ChatCompletionRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * An OpenAI-compatible chat-completions server ({@code quarkus.rest-client.llm.url}, env
 * {@code LLM_SERVER_URL}). Guarded by {@code LlmGuard}. Throws {@code DownstreamClientError} on a
 * 4xx, {@code DownstreamServerError} on a 5xx, {@code ProcessingException} when the connection fails.
 */
@RegisterRestClient(configKey = "llm")
@RegisterClientHeaders(InternalTokenHeaders.class)
@Path("/v1")
public interface LlmClient {

    /** Generates the assistant's answer to the messages. */
    @POST
    @Path("chat/completions")
    ChatCompletion complete(ChatCompletionRequest request);
}
