package dev.resilient.billing.service;

import dev.resilient.billing.config.BillingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Remembers the outcome of the first deduction under each {@code Idempotency-Key}, at most
 * {@code billing.idempotency.max-keys} of them (oldest forgotten first). Callers hold
 * {@link #lockFor(String)} around look-up, charge and {@link #remember}, so two concurrent
 * requests with one key cannot both charge.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** What a key was first used for, and what happened. */
    public record Stored(String account, BigDecimal amount, DeductOutcome outcome) {

        boolean sameRequest(String otherAccount, BigDecimal otherAmount) {
            return account.equals(otherAccount) && amount.compareTo(otherAmount) == 0;
        }
    }

    private static final int STRIPES = 64;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final Map<String, Stored> byKey = new ConcurrentHashMap<>();
    private final Queue<Map.Entry<String, Stored>> insertionOrder = new ConcurrentLinkedQueue<>();
    private final int maxKeys;

    IdempotencyStore(BillingConfig config) {
        this.maxKeys = config.idempotency().maxKeys();
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** The lock that serialises every request using {@code key} (striped: unrelated keys may share one). */
    public ReentrantLock lockFor(String key) {
        return locks[Math.floorMod(key.hashCode(), STRIPES)];
    }

    public Stored find(String key) {
        return byKey.get(key);
    }

    public void remember(String key, Stored stored) {
        byKey.put(key, stored);
        insertionOrder.add(Map.entry(key, stored));
        while (byKey.size() > maxKeys) {
            Map.Entry<String, Stored> oldest = insertionOrder.poll();
            if (oldest == null) {
                break;
            }
            byKey.remove(oldest.getKey(), oldest.getValue());
        }
    }
}
