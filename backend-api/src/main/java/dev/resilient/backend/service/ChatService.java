package dev.resilient.backend.service;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.resilient.backend.api.ChatResponse;
import dev.resilient.backend.api.SearchHit;
import dev.resilient.backend.api.SearchResponse;
import dev.resilient.backend.cache.CacheRegion;
import dev.resilient.backend.cache.DistributedCache;
import dev.resilient.backend.client.llm.ChatMessage;
import dev.resilient.backend.config.BackendConfig;
import dev.resilient.backend.config.BudgetConfig;
import dev.resilient.backend.mode.FeatureFlags;
import dev.resilient.backend.resilience.Caller;
import dev.resilient.backend.resilience.Deadlines;
import dev.resilient.backend.resilience.Failures;
import dev.resilient.kit.hash.Hashes;
import io.smallrye.faulttolerance.api.RateLimitException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Seed 000's chat: context from the vector store, else full-text search, else none; the answer
 * from the LLM cache, else the primary provider, else the secondary, else a degraded answer
 * listing the passages (seed 004); a best-effort save of the exchange ({@link ChatHistory}: kept in
 * memory while the filesystem is down).
 * Always answers: {@code degraded} names what was missing.
 */
@ApplicationScoped
public class ChatService {

    private static final Logger LOG = Logger.getLogger(ChatService.class);

    private static final TypeReference<LlmAnswer> ANSWER = new TypeReference<>() {
    };

    private final VectorSearch search;
    private final LlmService llm;
    private final DistributedCache cache;
    private final FeatureFlags features;
    private final ChatHistory history;
    private final BackendConfig config;
    private final Deadlines deadlines;
    private final BudgetConfig budgets;
    private final LlmUserLimits userLimits;

    ChatService(VectorSearch search, LlmService llm, DistributedCache cache, FeatureFlags features,
            ChatHistory history, BackendConfig config,
            Deadlines deadlines, BudgetConfig budgets, LlmUserLimits userLimits) {
        this.search = search;
        this.llm = llm;
        this.cache = cache;
        this.features = features;
        this.history = history;
        this.config = config;
        this.deadlines = deadlines;
        this.budgets = budgets;
        this.userLimits = userLimits;
    }

    /**
     * @throws jakarta.ws.rs.WebApplicationException 429 with {@code Retry-After} when the caller's own LLM
     *         rate limit, or the backend's as a whole, is reached
     */
    public ChatResponse chat(Caller caller, Namespace ns, String message) {
        List<String> degraded = new ArrayList<>();
        SearchResponse context = context(caller, ns, message, degraded);
        List<ChatMessage> prompt = prompt(message, context.results(), config.chat().contextChars());
        boolean advanced = features.isEnabled(FeatureFlags.ADVANCED_LLM_MODELS);
        String cacheKey = answerKey(ns.user(), prompt, advanced);
        LlmAnswer answer = cache.get(CacheRegion.LLM, cacheKey, ANSWER).orElse(null);
        if (answer == null) {
            try {
                answer = userLimits.within(caller.user(), () -> llm.complete(caller, prompt, advanced), LlmAnswer.class);
                cache.set(CacheRegion.LLM, cacheKey, answer);
            } catch (UserRateLimitException e) {
                throw rateLimited("Too many chat requests: " + e.getMessage(), e.retryAfterMillis());
            } catch (RateLimitException e) {
                throw rateLimited("Too many chat requests: the LLM rate limit is reached", e.getRetryAfterMillis());
            } catch (RuntimeException e) {
                LOG.warnf("LLM unavailable (%s), answering without it", Failures.describe(e));
                degraded.add("llm");
                answer = new LlmAnswer(DegradedAnswer.compose(message, context.results()), "none", null);
            }
        }
        ChatHistory.Saved saved = history.append(caller, ns, message, answer.text());
        if (saved != ChatHistory.Saved.SAVED) {
            degraded.add("history");
        }
        return new ChatResponse(answer.text(), context.results().size(), context.source(), degraded,
                answer.provider(), answer.model(), saved.wireName());
    }

    private static RuntimeException rateLimited(String why, long retryAfterMillis) {
        long seconds = Math.max(1, (retryAfterMillis + 999) / 1000);
        return new jakarta.ws.rs.WebApplicationException("rate limited", Response.status(429)
                .header("Retry-After", seconds)
                .type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
                .entity(java.util.Map.of("error", why + "; retry in " + seconds + " s", "retry_after_seconds", seconds))
                .build());
    }

    /**
     * Same user, prompt and model choice, same answer: the LLM cache key. Per user, so that no answer
     * (nor how fast it came, revealing that someone asked it before) crosses from one user to another.
     */
    private static String answerKey(String user, List<ChatMessage> prompt, boolean advanced) {
        StringBuilder key = new StringBuilder(user).append('\0').append(advanced ? "advanced" : "basic");
        for (ChatMessage m : prompt) {
            key.append('\0').append(m.role()).append('\0').append(m.content()); // NUL: no field can run into the next
        }
        return Hashes.sha256Hex(key.toString());
    }

    private SearchResponse context(Caller caller, Namespace ns, String message, List<String> degraded) {
        SearchResponse context;
        // The context step may take no longer than a search request would; the rest is the LLM's.
        try {
            context = search.search(deadlines.atMost(caller, budgets.budgetOf("search")), ns, message,
                    config.chat().contextResults());
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

    /** The passages, closest first, within {@code contextChars} in all: the ones that do not fit are cut. */
    static List<ChatMessage> prompt(String message, List<SearchHit> passages, int contextChars) {
        List<ChatMessage> messages = new ArrayList<>();
        if (!passages.isEmpty()) {
            StringBuilder system = new StringBuilder("Answer using this context:");
            int left = contextChars;
            for (SearchHit p : passages) {
                String text = p.text() == null ? "" : p.text();
                if (left <= 0) {
                    break;
                }
                system.append("\n- ").append(text, 0, Math.min(text.length(), left));
                left -= text.length();
            }
            messages.add(new ChatMessage("system", system.toString()));
        }
        messages.add(new ChatMessage("user", message));
        return messages;
    }
}
