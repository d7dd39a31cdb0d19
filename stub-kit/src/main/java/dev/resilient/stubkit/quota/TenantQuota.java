package dev.resilient.stubkit.quota;

import dev.resilient.kit.errors.ApiError;
import jakarta.ws.rs.WebApplicationException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How much of one resource (bytes, collections) each tenant of a stub holds, bounded per tenant so
 * that one tenant cannot take a stub's heap, disk or shared room from the others. Thread-safe:
 * each change of a tenant's amount is atomic. Tenants holding nothing take no memory.
 */
public final class TenantQuota {

    /** The server, not the request, is out of room for this tenant (WebDAV's Insufficient Storage). */
    public static final int INSUFFICIENT_STORAGE = 507;

    private final Map<String, Long> used = new ConcurrentHashMap<>();
    private final String configKey;
    private final long limit;
    private final String unit;

    /**
     * @param configKey the key that sets {@code limit}, named in the error so an operator knows what to raise
     * @param limit     the most one tenant may hold
     * @param unit      what is counted, plural, as the error names it ("bytes", "collections")
     */
    public TenantQuota(String configKey, long limit, String unit) {
        this.configKey = configKey;
        this.limit = limit;
        this.unit = unit;
    }

    /**
     * Changes what {@code tenant} holds by {@code delta}: positive for a write that needs room,
     * negative for one that frees it (always allowed, even above the limit, so a tenant can shrink).
     *
     * @throws WebApplicationException 507 with {@code {"error"}} naming the limit and its key when
     *                                 growing would take the tenant past the limit; nothing is changed then
     */
    public void adjust(String tenant, long delta) {
        used.compute(tenant, (t, current) -> {
            long before = current == null ? 0 : current;
            if (delta > 0 && before + delta > limit) {
                throw ApiError.of(INSUFFICIENT_STORAGE, "tenant storage full: at most " + limit + " " + unit
                        + " per tenant (" + configKey + "); this tenant holds " + before + " and the request adds " + delta);
            }
            return orNull(before + delta);
        });
    }

    /**
     * Counts {@code delta} for {@code tenant} without checking the limit: for what was stored before
     * the count began (read back at start-up), and to undo an {@link #adjust} whose write then failed.
     */
    public void add(String tenant, long delta) {
        used.compute(tenant, (t, current) -> orNull((current == null ? 0 : current) + delta));
    }

    /** What {@code tenant} holds now; 0 for a tenant never seen. */
    public long used(String tenant) {
        return used.getOrDefault(tenant, 0L);
    }

    public long limit() {
        return limit;
    }

    private static Long orNull(long amount) {
        return amount == 0 ? null : amount;
    }
}
