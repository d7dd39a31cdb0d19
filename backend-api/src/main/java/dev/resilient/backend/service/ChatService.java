package dev.resilient.backend.service;

import dev.resilient.backend.client.FilesystemClient;
import dev.resilient.backend.client.LlmClient;
import dev.resilient.backend.config.BackendConfig;
import dev.resilient.backend.model.ChatCompletionRequest;
import dev.resilient.backend.model.ChatMessage;
import dev.resilient.backend.model.ChatResponse;
import dev.resilient.backend.model.SaveFileRequest;
import dev.resilient.backend.model.SearchHit;
import dev.resilient.backend.model.SearchResponse;
import dev.resilient.backend.resilience.DownstreamCall;
import dev.resilient.backend.resilience.Failures;
import dev.resilient.backend.resilience.FilesystemGuard;
import dev.resilient.backend.resilience.LlmGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Seed 000's chat: context from the vector store, else full-text search, else none; the answer
 * from the LLM, else a degraded answer listing the passages; a best-effort save of the exchange.
 * Always answers: {@code degraded} names what was missing.
 */
@ApplicationScoped
public class ChatService {

    private static final Logger LOG = Logger.getLogger(ChatService.class);

    private final VectorSearch search;
    private final LlmClient llm;
    private final LlmGuard llmGuard;
    private final FilesystemClient filesystem;
    private final FilesystemGuard filesystemGuard;
    private final BackendConfig config;

    ChatService(VectorSearch search, @RestClient LlmClient llm, LlmGuard llmGuard,
            @RestClient FilesystemClient filesystem, FilesystemGuard filesystemGuard, BackendConfig config) {
        this.search = search;
        this.llm = llm;
        this.llmGuard = llmGuard;
        this.filesystem = filesystem;
        this.filesystemGuard = filesystemGuard;
        this.config = config;
    }

    public ChatResponse chat(Namespace ns, String message) {
        List<String> degraded = new ArrayList<>();
        SearchResponse context = context(ns, message, degraded);
        String answer;
        try {
            answer = llmGuard.call(DownstreamCall.of("POST /v1/chat/completions",
                    () -> llm.complete(prompt(message, context.results())))).text();
            if (answer == null) {
                throw new IllegalStateException("empty completion");
            }
        } catch (RuntimeException e) {
            LOG.warnf("LLM unavailable (%s), answering without it", Failures.describe(e));
            degraded.add("llm");
            answer = DegradedAnswer.compose(message, context.results());
        }
        if (!saveExchange(ns, message, answer)) {
            degraded.add("history");
        }
        return new ChatResponse(answer, context.results().size(), context.source(), degraded);
    }

    private SearchResponse context(Namespace ns, String message, List<String> degraded) {
        SearchResponse context;
        try {
            context = search.search(ns, message, config.chat().contextResults());
        } catch (NoSearchSourceException e) {
            LOG.warn("Full-text search also failed, proceeding without context");
            context = new SearchResponse(List.of(), "none", true);
        }
        if (!context.source().equals("vector")) {
            degraded.add("vector_search");
        }
        if (context.source().equals("cache") || context.source().equals("none")) {
            degraded.add("fulltext_search");
        }
        return context;
    }

    private ChatCompletionRequest prompt(String message, List<SearchHit> passages) {
        List<ChatMessage> messages = new ArrayList<>();
        if (!passages.isEmpty()) {
            StringBuilder system = new StringBuilder("Answer using this context:");
            passages.forEach(p -> system.append("\n- ").append(p.text()));
            messages.add(new ChatMessage("system", system.toString()));
        }
        messages.add(new ChatMessage("user", message));
        return new ChatCompletionRequest(config.chat().model(), messages, null);
    }

    /** Seed 000: best effort, the chat never fails because of it. */
    private boolean saveExchange(Namespace ns, String message, String answer) {
        try {
            filesystemGuard.call(DownstreamCall.of("POST /save_file", () -> filesystem.saveFile(ns.user(),
                    new SaveFileRequest(ns.key(), config.chat().historyFile(),
                            "\n\n## User\n" + message + "\n\n## AI\n" + answer, "append"))));
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Failed to save chat history (%s), continuing", Failures.describe(e));
            return false;
        }
    }
}
