package dev.resilient.backend.rest;

import dev.resilient.backend.api.ChatRequest;
import dev.resilient.backend.api.ChatResponse;
import dev.resilient.backend.service.ChatService;
import dev.resilient.backend.service.Namespace;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code POST /v1/api/chat}: always 200 for a valid request, {@code degraded} says what was missing. */
@Path("/v1/api/chat")
@Authenticated
@TimeBudget("chat")
public class ChatResource {

    private final ChatService chat;
    private final JsonWebToken jwt;
    private final RequestBudget budget;

    ChatResource(ChatService chat, JsonWebToken jwt, RequestBudget budget) {
        this.chat = chat;
        this.jwt = jwt;
        this.budget = budget;
    }

    @POST
    public ChatResponse chat(@NotNull @Valid ChatRequest request) {
        Namespace ns = Namespaces.of(jwt, request.projectId());
        return chat.chat(budget.callerFor(ns), ns, request.message());
    }
}
