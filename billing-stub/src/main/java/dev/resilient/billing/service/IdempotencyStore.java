package dev.resilient.billing.service;

import dev.resilient.billing.config.BillingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Remembers the outcome of the first deduction under each {@code Idempotency-Key} for
 * {@code billing.idempotency.ttl} (24 h), and at most {@code billing.idempotency.max-keys-per-account}
 * keys per account (its oldest forgotten first): one account's traffic, refused deductions
 * included, never pushes out another account's keys. Callers hold {@link #lockFor(String)} around
 * look-up, charge and {@link #remember}, so two concurrent requests with one key cannot both charge.
 * A key stays global in what it names: used first for one account, it answers 422 for any other.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** What a key was first used for, and what happened. */
    public record Stored(String account, BigDecimal amount, DeductOutcome outcome) {

        boolean sameRequest(String otherAccount, BigDecimal otherAmount) {
            return account.equals(otherAccount) && amount.compareTo(otherAmount) == 0;
        }
    }

    private record Kept(Stored stored, Instant until) {
    }

    private static final int STRIPES = 64;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final Map<String, Kept> byKey = new ConcurrentHashMap<>();
    /** Each account's keys, oldest first; guarded by the deque itself. */
    private final Map<String, Deque<String>> byAccount = new ConcurrentHashMap<>();
    private final int maxPerAccount;
    private final Duration ttl;
    private final Clock clock;

    @Inject
    IdempotencyStore(BillingConfig config) {
        this(config.idempotency().maxKeysPerAccount(), config.idempotency().ttl(), Clock.systemUTC());
    }

    IdempotencyStore(int maxPerAccount, Duration ttl, Clock clock) {
        this.maxPerAccount = maxPerAccount;
        this.ttl = ttl;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** The lock that serialises every request using {@code key} (striped: unrelated keys may share one). */
    public ReentrantLock lockFor(String key) {
        return locks[Math.floorMod(key.hashCode(), STRIPES)];
    }

    /** What {@code key} was first used for, unless that is longer ago than the TTL or it was forgotten. */
    public Stored find(String key) {
        Kept kept = byKey.get(key);
        return kept == null || !clock.instant().isBefore(kept.until()) ? null : kept.stored();
    }

    public void remember(String key, Stored stored) {
        Instant now = clock.instant();
        byKey.put(key, new Kept(stored, now.plus(ttl)));
        Deque<String> keys = byAccount.computeIfAbsent(stored.account(), a -> new ArrayDeque<>());
        synchronized (keys) {
            keys.addLast(key);
            // Oldest first: drop what has expired, then what is over the account's room.
            while (!keys.isEmpty() && (keys.size() > maxPerAccount || expired(keys.peekFirst(), now))) {
                String oldest = keys.pollFirst();
                byKey.computeIfPresent(oldest, (k, v) -> v.stored().account().equals(stored.account()) ? null : v);
            }
        }
    }

    private boolean expired(String key, Instant now) {
        Kept kept = byKey.get(key);
        return kept == null || !now.isBefore(kept.until());
    }
}
