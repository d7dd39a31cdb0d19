package dev.resilient.billing.service;

import dev.resilient.billing.model.DeductRequest;
import dev.resilient.billing.model.Amounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import java.math.BigDecimal;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Applies a deduction at most once per {@code Idempotency-Key}: the first request charges (or
 * is refused for insufficient funds) and that outcome is stored; later requests with the same
 * key and the same account and amount get the stored outcome back, marked as replayed.
 */
@ApplicationScoped
public class DeductionService {

    public static final int KEY_REUSED = 422;
    public static final String KEY_REUSED_MESSAGE = "Idempotency-Key reused with a different request";

    private final Ledger ledger;
    private final IdempotencyStore store;

    DeductionService(Ledger ledger, IdempotencyStore store) {
        this.ledger = ledger;
        this.store = store;
    }

    /**
     * @param request a validated request
     * @param key a validated {@code Idempotency-Key}
     * @throws WebApplicationException 422 when the key was first used for another account or amount
     * @throws NotFoundException when the account is unknown (not stored: the key stays unused)
     */
    public Deduction deduct(DeductRequest request, String key) {
        BigDecimal amount = Amounts.normalize(request.amount());
        ReentrantLock lock = store.lockFor(key);
        lock.lock();
        try {
            IdempotencyStore.Stored prior = store.find(key);
            if (prior != null) {
                if (!prior.sameRequest(request.account(), amount)) {
                    throw new WebApplicationException(KEY_REUSED_MESSAGE, KEY_REUSED);
                }
                return new Deduction(prior.account(), key, prior.outcome(), true);
            }
            DeductOutcome outcome = ledger.deduct(request.account(), amount, key, request.description());
            store.remember(key, new IdempotencyStore.Stored(request.account(), amount, outcome));
            return new Deduction(request.account(), key, outcome, false);
        } finally {
            lock.unlock();
        }
    }
}
