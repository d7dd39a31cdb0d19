package dev.resilient.backend.service;

import dev.resilient.backend.client.llm.ChatCompletion;
import dev.resilient.backend.client.llm.ChatCompletionRequest;
import dev.resilient.backend.client.llm.ChatMessage;
import dev.resilient.backend.resilience.Caller;
import dev.resilient.backend.resilience.Deadlines;
import dev.resilient.backend.resilience.DownstreamCall;
import dev.resilient.backend.resilience.DownstreamGuard;
import dev.resilient.backend.resilience.Failures;
import dev.resilient.backend.resilience.LlmPrimaryGuard;
import dev.resilient.backend.resilience.LlmSecondaryGuard;
import io.smallrye.faulttolerance.api.RateLimit;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Seed 004's ResilientLLMClient: the primary provider, else the secondary, each behind its own
 * guard and policy ({@link LlmPrimaryGuard}: 60 s, 3 attempts; {@link LlmSecondaryGuard}: 30 s,
 * 2 attempts; both backoff factor 1.5 and jitter 0.2, breaker 5 failures / 60 s, 100 calls a
 * minute). The backend's use of LLMs is rate limited as a whole ({@code @RateLimit}, 100 calls a minute;
 * override with {@code quarkus.fault-tolerance."dev.resilient.backend.service.LlmService/complete".rate-limit.value}).
 */
@ApplicationScoped
public class LlmService {

    private static final Logger LOG = Logger.getLogger(LlmService.class);

    private final LlmProviders providers;
    private final LlmPrimaryGuard primaryGuard;
    private final LlmSecondaryGuard secondaryGuard;
    private final Deadlines deadlines;

    LlmService(LlmProviders providers, LlmPrimaryGuard primaryGuard, LlmSecondaryGuard secondaryGuard,
            Deadlines deadlines) {
        this.providers = providers;
        this.primaryGuard = primaryGuard;
        this.secondaryGuard = secondaryGuard;
        this.deadlines = deadlines;
    }

    /**
     * The primary gets at most {@code backend.budgets.deadline.fallback-share} of the caller's time
     * left; the secondary gets the rest.
     *
     * @param caller for whom, by when
     * @param advanced ask for each provider's advanced model (the caller checks the feature flag)
     * @throws io.smallrye.faulttolerance.api.RateLimitException when over the rate limit
     * @throws LlmUnavailableException when neither provider answers
     */
    @RateLimit(value = 100, window = 1, windowUnit = ChronoUnit.MINUTES)
    public LlmAnswer complete(Caller caller, List<ChatMessage> messages, boolean advanced) {
        String primaryFailure;
        try {
            return ask(deadlines.keepingTimeForFallback(caller), providers.primary(), primaryGuard, messages, advanced);
        } catch (RuntimeException e) {
            primaryFailure = Failures.describe(e);
            LOG.warnf("Primary LLM failed (%s), falling back to the secondary provider", primaryFailure);
        }
        try {
            return ask(caller, providers.secondary(), secondaryGuard, messages, advanced);
        } catch (RuntimeException e) {
            LOG.errorf("Both LLM providers failed: primary %s, secondary %s", primaryFailure, Failures.describe(e));
            throw new LlmUnavailableException("primary " + primaryFailure + "; secondary " + Failures.describe(e));
        }
    }

    private static LlmAnswer ask(Caller caller, LlmProviders.Provider provider, DownstreamGuard guard,
            List<ChatMessage> messages, boolean advanced) {
        String model = provider.model(advanced);
        ChatCompletionRequest request = new ChatCompletionRequest(model, messages, null);
        ChatCompletion completion = guard.call(DownstreamCall.to(guard.downstream(), "POST /chat/completions", caller,
                (budgetMs, criticality) -> provider.complete(budgetMs, criticality, request)));
        String text = completion.text();
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("empty completion from " + provider.name());
        }
        return new LlmAnswer(text, provider.name(), completion.model() == null ? model : completion.model());
    }
}
