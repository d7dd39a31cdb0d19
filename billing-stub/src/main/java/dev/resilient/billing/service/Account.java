package dev.resilient.billing.service;

import dev.resilient.billing.model.Transaction;
import dev.resilient.billing.model.TransactionType;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * One account's balance and recent history. Every method is synchronized on the account, so a
 * check-and-subtract is atomic and the history always matches the balance.
 */
final class Account {

    private final String id;
    private final int maxHistory;
    private final Clock clock;
    private final Deque<Transaction> history = new ArrayDeque<>();
    private BigDecimal balance;

    Account(String id, BigDecimal openingBalance, int maxHistory, Clock clock) {
        this.id = id;
        this.balance = openingBalance;
        this.maxHistory = maxHistory;
        this.clock = clock;
    }

    String id() {
        return id;
    }

    synchronized BigDecimal balance() {
        return balance;
    }

    /** Subtracts {@code amount} if the balance covers it; the refusal carries the balance seen. */
    synchronized DeductOutcome deduct(BigDecimal amount, String idempotencyKey, String description) {
        if (balance.compareTo(amount) < 0) {
            return new DeductOutcome.Refused(balance);
        }
        balance = balance.subtract(amount);
        return new DeductOutcome.Charged(book(TransactionType.DEDUCT, amount, idempotencyKey, description));
    }

    synchronized BigDecimal credit(BigDecimal amount) {
        balance = balance.add(amount);
        book(TransactionType.CREDIT, amount, null, null);
        return balance;
    }

    synchronized List<Transaction> history() {
        return List.copyOf(history);
    }

    private Transaction book(TransactionType type, BigDecimal amount, String idempotencyKey, String description) {
        Transaction t = new Transaction("txn_" + UUID.randomUUID(), type, amount, balance, idempotencyKey,
                description, clock.instant());
        history.addLast(t);
        while (history.size() > maxHistory) {
            history.removeFirst();
        }
        return t;
    }
}
