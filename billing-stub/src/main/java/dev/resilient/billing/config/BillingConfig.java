package dev.resilient.billing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/** The billing stub's settings; keys start with {@code billing.}. */
@ConfigMapping(prefix = "billing")
public interface BillingConfig {

    /**
     * Accounts present at start-up with their opening balance:
     * {@code billing.accounts."<id>"=<balance>} (at most 2 decimals, not negative).
     */
    Map<String, BigDecimal> accounts();

    /** Upper bound on the number of accounts; a credit that would create one more answers 507. */
    @WithDefault("10000")
    int maxAccounts();

    /** Transactions kept per account (the oldest are dropped first); balances are never affected. */
    @WithDefault("1000")
    int maxTransactionsPerAccount();

    Idempotency idempotency();

    interface Idempotency {

        /**
         * Idempotency keys remembered per account; past this that account's oldest key is
         * forgotten, and a retry with a forgotten key is treated as a new request. Other accounts'
         * keys are never affected. Env {@code BILLING_IDEMPOTENCY_MAX_KEYS_PER_ACCOUNT}.
         */
        @WithDefault("100000")
        int maxKeysPerAccount();

        /** How long a key is remembered (a retry after that is a new request). Env {@code BILLING_IDEMPOTENCY_TTL}. */
        @WithDefault("24h")
        Duration ttl();
    }
}
