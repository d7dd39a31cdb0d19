package dev.resilient.billing.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Keys per account, for a fixed time, on a fake clock. */
class IdempotencyStoreTest {

    private Instant now = Instant.parse("2026-12-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private static IdempotencyStore.Stored charged(String account) {
        return new IdempotencyStore.Stored(account, BigDecimal.ONE, null);
    }

    @Test
    void aKeyIsKeptForItsTimeThenForgotten() {
        IdempotencyStore store = new IdempotencyStore(10, Duration.ofHours(24), clock);
        store.remember("k", charged("alice"));
        now = now.plus(Duration.ofHours(23));
        assertEquals("alice", store.find("k").account());
        now = now.plus(Duration.ofHours(1));
        assertNull(store.find("k"));
    }

    @Test
    void oneAccountsKeysNeverPushOutAnothers() {
        IdempotencyStore store = new IdempotencyStore(2, Duration.ofHours(24), clock);
        store.remember("alice-1", charged("alice"));
        for (int i = 0; i < 100; i++) {
            store.remember("bob-" + i, charged("bob"));
        }
        assertEquals("alice", store.find("alice-1").account());
        assertNull(store.find("bob-0"), "bob's oldest went to make room for his own newer keys");
        assertEquals("bob", store.find("bob-99").account());
    }
}
