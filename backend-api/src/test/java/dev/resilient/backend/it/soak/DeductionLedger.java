package dev.resilient.backend.it.soak;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every deduction the soak asked for, by Idempotency-Key: confirmed (2xx), refused (4xx: nothing
 * charged) or unknown (a connection lost, no answer in time, or billing's fail-closed 503: the
 * charge may or may not have been made). Unknowns are resolved by sending the same key and amount
 * again once everything is healthy: billing-stub applies a key once, so the retry either replays
 * the charge that was made or makes the one that was not.
 */
public final class DeductionLedger {

    public enum State { CONFIRMED, REFUSED, UNKNOWN }

    public record Entry(String key, BigDecimal amount, State state, boolean replayedOnResolve) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final SoakStats stats;

    public DeductionLedger(SoakStats stats) {
        this.stats = stats;
    }

    /** A fresh deduction: key unique to this run, 0.01 to 2.00. */
    public void deductOnce(BackendCalls backend, Random random, String keyPrefix) {
        String key = keyPrefix + "-" + entries.size() + "-" + Long.toHexString(random.nextLong());
        BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(200), 2);
        BackendCalls.Outcome o = backend.deduct(key, amount);
        State s = classify(o);
        entries.put(key, new Entry(key, amount, s, false));
        stats.count("deductions", "first answer: " + describe(o, s));
    }

    /**
     * Sends each unknown key again (every half second, for at most {@code atMost} each, while billing
     * still cannot confirm) and records what it turned out to be.
     */
    public void resolveUnknowns(BackendCalls backend, Duration atMost) {
        for (Entry e : new ArrayList<>(entries.values())) {
            if (e.state() != State.UNKNOWN) {
                continue;
            }
            AtomicReference<BackendCalls.Outcome> known = new AtomicReference<>();
            if (!Polling.until(atMost, () -> {
                known.set(backend.deduct(e.key(), e.amount()));
                return classify(known.get()) != State.UNKNOWN;
            })) {
                continue; // still unknown: the balance check allows for it
            }
            BackendCalls.Outcome o = known.get();
            State s = classify(o);
            boolean replayed = o.json().path("replayed").asBoolean(false);
            entries.put(e.key(), new Entry(e.key(), e.amount(), s, replayed));
            stats.count("deductions", "unknown resolved by resending the key: " + describe(o, s)
                    + (s == State.CONFIRMED ? (replayed ? " (had been charged: replayed)" : " (had not been charged: charged now)") : ""));
        }
    }

    public long count(State s) {
        return entries.values().stream().filter(e -> e.state() == s).count();
    }

    public BigDecimal sum(State s) {
        return entries.values().stream().filter(e -> e.state() == s).map(Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    private static State classify(BackendCalls.Outcome o) {
        if (o.status() >= 200 && o.status() < 300) {
            return State.CONFIRMED;
        }
        if (o.status() >= 400 && o.status() < 500) {
            return State.REFUSED;
        }
        return State.UNKNOWN;
    }

    private static String describe(BackendCalls.Outcome o, State s) {
        String what = switch (o.status()) {
            case BackendCalls.Outcome.CONNECTION_ERROR -> "connection error";
            case BackendCalls.Outcome.TIMEOUT -> "no answer in time";
            default -> String.valueOf(o.status());
        };
        return what + " -> " + s.name().toLowerCase();
    }
}
