package dev.resilient.backend.cache;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resilient.kit.hash.Hashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The second level: one file per entry, {@code <dir>/<region>/<sha-256 of the key>.json}, holding
 * the key, the wall-clock instant it expires and the value, so that what one process cached is
 * there again after its restart. Written to a temporary file and moved into place, so a crash
 * leaves the old entry or the new one, never half of one.
 * <p>
 * An index in memory (key, expiry, size of each file), read from the files when the level starts,
 * answers which entries exist, bounds the bytes the files take and finds a prefix's keys without
 * reading every file. Our own because no library the backend has keeps an expiring, prefix-deletable
 * store in files (Caffeine and the Quarkus cache are memory only; JCache providers with disk stores
 * bring a second cache stack). Expiry is by the wall clock ({@link Clock}), the one clock a restart
 * keeps.
 */
final class DiskLevel implements CacheLevel {

    private static final Logger LOG = Logger.getLogger(DiskLevel.class);
    private static final String SUFFIX = ".json";

    /** What a file holds. */
    record DiskEntry(String key, @JsonProperty("expires_at_ms") long expiresAtMs, String value) {
    }

    private record Indexed(CacheRegion region, String key, long expiresAtMs, long bytes, String valueHash) {
    }

    private final Path dir;
    private final long maxBytes;
    private final Clock clock;
    private final ObjectMapper json;
    /** By {@code <region>/<key>}, sorted, so a prefix's keys are one range. */
    private final ConcurrentSkipListMap<String, Indexed> index = new ConcurrentSkipListMap<>();
    private final AtomicLong bytes = new AtomicLong();

    /** Reads what an earlier process left in {@code dir}, dropping expired and unreadable files; an unreadable directory leaves the index empty (logged). */
    DiskLevel(Path dir, long maxBytes, Clock clock, ObjectMapper json) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.json = json;
        load();
    }

    @Override
    public String name() {
        return "disk";
    }

    @Override
    public Optional<Entry> get(CacheRegion region, String key) {
        String id = id(region, key);
        Indexed indexed = index.get(id);
        if (indexed == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        if (indexed.expiresAtMs() <= now) {
            drop(id, indexed);
            return Optional.empty();
        }
        DiskEntry entry;
        try {
            entry = json.readValue(Files.readAllBytes(file(region, key)), DiskEntry.class);
        } catch (NoSuchFileException e) {
            forget(id, indexed); // deleted from outside: a miss
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file(region, key), e);
        }
        if (!key.equals(entry.key())) {
            return Optional.empty(); // two keys with one SHA-256: not in this universe, but never the wrong value
        }
        return Optional.of(new Entry(entry.value(), Duration.ofMillis(entry.expiresAtMs() - now)));
    }

    /** Leaves an unexpired file holding the same value alone, as the memory level does: its expiry must not restart on every search. */
    @Override
    public void set(CacheRegion region, String key, String value, Duration ttl) {
        String id = id(region, key);
        String valueHash = Hashes.sha256Hex(value);
        long now = clock.millis();
        Indexed existing = index.get(id);
        if (existing != null && existing.valueHash().equals(valueHash) && existing.expiresAtMs() > now) {
            return;
        }
        long expiresAt = now + Math.max(1, ttl.toMillis());
        byte[] content;
        try {
            content = json.writeValueAsBytes(new DiskEntry(key, expiresAt, value));
            Path target = file(region, key);
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            try {
                Files.write(temporary, content);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file(region, key), e);
        }
        remember(id, new Indexed(region, key, expiresAt, content.length, valueHash));
        if (bytes.get() > maxBytes) {
            evict();
        }
    }

    @Override
    public void delete(CacheRegion region, String key) {
        String id = id(region, key);
        Indexed indexed = index.get(id);
        if (indexed != null) {
            drop(id, indexed);
        }
    }

    @Override
    public void deletePrefix(CacheRegion region, String keyPrefix) {
        String from = id(region, keyPrefix);
        List<Map.Entry<String, Indexed>> matching = new ArrayList<>();
        for (Map.Entry<String, Indexed> e : index.tailMap(from, true).entrySet()) {
            if (!e.getKey().startsWith(from)) {
                break;
            }
            matching.add(e);
        }
        for (Map.Entry<String, Indexed> e : matching) {
            drop(e.getKey(), e.getValue());
        }
    }

    /** Bytes the files take now, by the index. */
    long bytes() {
        return bytes.get();
    }

    /** Out of the index first, so a failed file deletion is still a miss in this process. */
    private void drop(String id, Indexed indexed) {
        forget(id, indexed);
        Path file = file(indexed.region(), indexed.key());
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private void remember(String id, Indexed indexed) {
        Indexed before = index.put(id, indexed);
        bytes.addAndGet(indexed.bytes() - (before == null ? 0 : before.bytes()));
    }

    private void forget(String id, Indexed indexed) {
        if (index.remove(id, indexed)) {
            bytes.addAndGet(-indexed.bytes());
        }
    }

    /** Over its bytes: the entries closest to expiry go until a tenth of the room is free again. */
    private void evict() {
        long target = maxBytes - maxBytes / 10;
        List<Map.Entry<String, Indexed>> byExpiry = new ArrayList<>(index.entrySet());
        byExpiry.sort(Comparator.comparingLong(e -> e.getValue().expiresAtMs()));
        for (Map.Entry<String, Indexed> e : byExpiry) {
            if (bytes.get() <= target) {
                return;
            }
            drop(e.getKey(), e.getValue());
        }
    }

    private void load() {
        long now = clock.millis();
        int kept = 0;
        for (CacheRegion region : CacheRegion.values()) {
            Path regionDir = dir.resolve(region.key());
            if (!Files.isDirectory(regionDir)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(regionDir)) {
                for (Path file : files) {
                    kept += loadOne(region, file, now) ? 1 : 0;
                }
            } catch (IOException | UncheckedIOException e) {
                LOG.warnf("Cache level disk: cannot read %s (%s); starting without what it held", regionDir, e.getMessage());
            }
        }
        LOG.infof("Cache level disk: %s, %d entries (%d bytes) from before", dir.toAbsolutePath(), kept, bytes.get());
    }

    /** @return whether {@code file} is a live entry, now in the index; anything else there is deleted */
    private boolean loadOne(CacheRegion region, Path file, long now) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(SUFFIX)) {
            try {
                byte[] content = Files.readAllBytes(file);
                DiskEntry entry = json.readValue(content, DiskEntry.class);
                if (entry.key() != null && entry.value() != null && entry.expiresAtMs() > now
                        && file.equals(file(region, entry.key()))) {
                    remember(id(region, entry.key()), new Indexed(region, entry.key(), entry.expiresAtMs(), content.length,
                            Hashes.sha256Hex(entry.value())));
                    return true;
                }
            } catch (IOException e) {
                LOG.debugf("Cache level disk: dropping unreadable %s (%s)", file, e.getMessage());
            }
        }
        Files.deleteIfExists(file); // expired, unreadable, or a temporary file a crash left behind
        return false;
    }

    private Path file(CacheRegion region, String key) {
        return dir.resolve(region.key()).resolve(Hashes.sha256Hex(key) + SUFFIX);
    }

    private static String id(CacheRegion region, String key) {
        return region.key() + '/' + key;
    }
}
