package dev.resilient.stubkit.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resilient.kit.errors.ErrorBody;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

class TenantQuotaTest {

    private final TenantQuota quota = new TenantQuota("x.max-bytes-per-tenant", 100, "bytes");

    @Test
    void aTenantPastItsLimitGets507NamingTheLimitWhileAnotherStillStores() {
        quota.adjust("alice", 90);
        WebApplicationException e = assertThrows(WebApplicationException.class, () -> quota.adjust("alice", 11));
        assertEquals(507, e.getResponse().getStatus());
        assertEquals(MediaType.APPLICATION_JSON_TYPE, e.getResponse().getMediaType());
        String error = ((ErrorBody) e.getResponse().getEntity()).error();
        assertEquals("tenant storage full: at most 100 bytes per tenant (x.max-bytes-per-tenant);"
                + " this tenant holds 90 and the request adds 11", error);
        assertFalse(error.contains("alice"), "the error names no tenant");
        assertEquals(90, quota.used("alice"), "a refused request changes nothing");

        quota.adjust("bob", 100);
        assertEquals(100, quota.used("bob"));
        quota.adjust("alice", 10);
        assertEquals(100, quota.used("alice"));
    }

    @Test
    void freeingRoomIsAlwaysAllowedAndMakesRoomAgain() {
        quota.adjust("alice", 100);
        quota.adjust("alice", -30);
        quota.adjust("alice", 30);
        assertEquals(100, quota.used("alice"));
        quota.adjust("alice", -100);
        assertEquals(0, quota.used("alice"));
    }

    @Test
    void whatWasStoredBeforeCountsWithoutALimitButBlocksGrowth() {
        quota.add("alice", 150);
        assertEquals(150, quota.used("alice"));
        assertThrows(WebApplicationException.class, () -> quota.adjust("alice", 1));
        quota.adjust("alice", -20); // shrinking above the limit is allowed
        assertEquals(130, quota.used("alice"));
    }

    @Test
    void theTenantIsTheNameUpToTheFirstDoubleUnderscore() {
        assertEquals("alice", Tenants.of("alice__docs"));
        assertEquals("project_alice", Tenants.of("project_alice__a__b"));
        assertEquals("solo", Tenants.of("solo"));
        assertEquals("a_b", Tenants.of("a_b"));
    }
}
