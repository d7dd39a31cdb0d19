package dev.resilient.billing.service;

import dev.resilient.billing.config.BillingConfig;
import dev.resilient.billing.model.AccountIds;
import dev.resilient.billing.model.Amounts;
import dev.resilient.billing.model.Transaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/** All accounts, in memory, seeded from {@code billing.accounts}; thread-safe. */
@Startup
@ApplicationScoped
public class Ledger {

    /** What the suite answers when a stub's capacity is exhausted (as chroma-stub does). */
    static final int INSUFFICIENT_STORAGE = 507;
    private static final Logger LOG = Logger.getLogger(Ledger.class);

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final int maxAccounts;
    private final int maxHistory;
    private final Clock clock = Clock.systemUTC();

    Ledger(BillingConfig config) {
        this.maxAccounts = config.maxAccounts();
        this.maxHistory = config.maxTransactionsPerAccount();
        config.accounts().forEach((id, balance) -> accounts.put(id, new Account(id, seedBalance(id, balance), maxHistory, clock)));
        LOG.infof("Seeded %d account(s): %s", accounts.size(), accounts.keySet());
    }

    /** @throws NotFoundException when there is no such account */
    public BigDecimal balance(String id) {
        return get(id).balance();
    }

    /** @throws NotFoundException when there is no such account */
    public List<Transaction> history(String id) {
        return get(id).history();
    }

    /**
     * Atomically subtracts {@code amount} (already {@linkplain Amounts#normalize normalised}) if the balance covers it.
     *
     * @throws NotFoundException for an unknown account
     */
    public DeductOutcome deduct(String id, BigDecimal amount, String idempotencyKey, String description) {
        return get(id).deduct(amount, idempotencyKey, description);
    }

    /**
     * Adds {@code amount}, creating the account with a zero balance first if needed.
     *
     * @return the new balance
     * @throws WebApplicationException 507 when creating it would exceed {@code billing.max-accounts}
     */
    public BigDecimal credit(String id, BigDecimal amount) {
        Account account = accounts.get(id);
        if (account == null) {
            if (accounts.size() >= maxAccounts) {
                throw new WebApplicationException("account limit of " + maxAccounts + " reached", INSUFFICIENT_STORAGE);
            }
            account = accounts.computeIfAbsent(id, k -> new Account(k, BigDecimal.ZERO.setScale(Amounts.SCALE), maxHistory, clock));
        }
        return account.credit(Amounts.normalize(amount));
    }

    private Account get(String id) {
        Account account = accounts.get(id);
        if (account == null) {
            throw new NotFoundException("account '" + id + "' not found");
        }
        return account;
    }

    private static BigDecimal seedBalance(String id, BigDecimal balance) {
        if (!AccountIds.isValid(id)) {
            throw new IllegalStateException("billing.accounts: invalid account id '" + id + "'");
        }
        if (balance.signum() < 0 || balance.stripTrailingZeros().scale() > Amounts.SCALE) {
            throw new IllegalStateException("billing.accounts.\"" + id + "\": balance must be >= 0 with at most "
                    + Amounts.SCALE + " decimals, got " + balance);
        }
        return balance.setScale(Amounts.SCALE);
    }
}
