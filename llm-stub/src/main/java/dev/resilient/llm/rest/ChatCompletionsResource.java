package dev.resilient.llm.rest;

import dev.resilient.llm.model.ChatCompletionRequest;
import dev.resilient.llm.model.ChatCompletionResponse;
import dev.resilient.llm.service.CompletionService;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** OpenAI's chat completions endpoint with deterministic answers. */
@Path("/v1/chat/completions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ApiKeyRequired
public class ChatCompletionsResource {

    private final CompletionService completions;

    ChatCompletionsResource(CompletionService completions) {
        this.completions = completions;
    }

    /**
     * Answers the conversation in OpenAI's {@code chat.completion} shape; the content is
     * {@code [<provider>] Answer to: <last user message> | Based on context: <system messages>}
     * (or {@code | No context was provided.}). Answers 400 {@code {"error"}} for an invalid body,
     * 404 {@code {"error": "model 'x' not found"}} for a model this provider does not serve,
     * 401 without the API key when {@code llm.api-key} is set.
     */
    @POST
    public ChatCompletionResponse complete(ChatCompletionRequest request) {
        if (request == null) {
            throw new BadRequestException("a JSON request body is required");
        }
        try {
            request.validate();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return completions.complete(request);
    }
}
