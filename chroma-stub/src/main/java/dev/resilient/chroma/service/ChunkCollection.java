package dev.resilient.chroma.service;

import dev.resilient.chroma.model.AddChunksResponse;
import dev.resilient.chroma.model.Chunk;
import dev.resilient.chroma.model.QueryDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.function.LongConsumer;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One named collection. A read-write lock makes a batch upsert atomic: a query sees all of a
 * batch or none of it, and queries run in parallel with each other. Once dropped (deleted) the
 * collection refuses every operation, so a write racing a delete goes to a fresh collection.
 */
final class ChunkCollection {

    /** Thrown when a batch would grow the collection past its configured size; nothing is stored. */
    static final class FullException extends RuntimeException {
        FullException(String message) {
            super(message);
        }
    }

    private static final Comparator<QueryDocument> BY_DISTANCE_THEN_ID =
            Comparator.comparingDouble(QueryDocument::distance).thenComparing(QueryDocument::id);

    private final String name;
    private final Map<String, StoredChunk> chunks = new HashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean dropped;
    /** Sum of the chunks' {@link StoredChunk#bytes()}. */
    private long bytes;

    ChunkCollection(String name) {
        this.name = name;
    }

    /**
     * Inserts or replaces every chunk of the batch by id, all or nothing. {@code room} is given the
     * bytes the batch adds (new chunks, plus the difference for replaced ones; negative when it
     * frees some) before anything is stored, under the lock, and may throw to refuse the batch.
     *
     * @return the counts, or empty when the collection was dropped meanwhile (then {@code room} was not called)
     * @throws FullException when the batch would exceed {@code maxChunks}
     */
    Optional<AddChunksResponse> upsert(List<StoredChunk> batch, int maxChunks, LongConsumer room) {
        Lock write = lock.writeLock();
        write.lock();
        try {
            if (dropped) {
                return Optional.empty();
            }
            Map<String, StoredChunk> last = new HashMap<>(); // a repeated id: the last one is kept
            for (StoredChunk c : batch) {
                last.put(c.id(), c);
            }
            long newIds = 0;
            long delta = 0;
            for (StoredChunk c : last.values()) {
                StoredChunk old = chunks.get(c.id());
                if (old == null) {
                    newIds++;
                }
                delta += c.bytes() - (old == null ? 0 : old.bytes());
            }
            if (chunks.size() + newIds > maxChunks) {
                throw new FullException("collection '" + name + "' would exceed " + maxChunks + " chunks");
            }
            room.accept(delta);
            int added = 0;
            for (StoredChunk c : batch) {
                if (chunks.put(c.id(), c) == null) {
                    added++;
                }
            }
            bytes += delta;
            return Optional.of(new AddChunksResponse(name, added, batch.size() - added, chunks.size()));
        } finally {
            write.unlock();
        }
    }

    /**
     * The {@code n} chunks closest to any of the queries, by ascending distance (ties by id).
     * A chunk's distance is {@code 1 - cosine} against the query it is most similar to.
     *
     * @return the matches, or empty when the collection was dropped meanwhile
     */
    Optional<List<QueryDocument>> nearest(List<SparseVector> queries, int n) {
        Lock read = lock.readLock();
        read.lock();
        try {
            if (dropped) {
                return Optional.empty();
            }
            List<QueryDocument> scored = new ArrayList<>(chunks.size());
            for (StoredChunk c : chunks.values()) {
                double best = 0;
                for (SparseVector q : queries) {
                    best = Math.max(best, q.dot(c.embedding()));
                }
                double distance = Math.min(1.0, Math.max(0.0, 1.0 - best));
                scored.add(new QueryDocument(c.id(), c.chunk().text(), c.chunk().metadata(), distance));
            }
            scored.sort(BY_DISTANCE_THEN_ID);
            return Optional.of(List.copyOf(scored.subList(0, Math.min(n, scored.size()))));
        } finally {
            read.unlock();
        }
    }

    /** @return the chunk stored under {@code id}; empty when there is none or the collection was dropped meanwhile */
    Optional<Chunk> get(String id) {
        Lock read = lock.readLock();
        read.lock();
        try {
            return dropped ? Optional.empty() : Optional.ofNullable(chunks.get(id)).map(StoredChunk::chunk);
        } finally {
            read.unlock();
        }
    }

    /** @return every id, sorted, or empty when the collection was dropped meanwhile */
    Optional<List<String>> sortedIds() {
        Lock read = lock.readLock();
        read.lock();
        try {
            return dropped ? Optional.empty() : Optional.of(chunks.keySet().stream().sorted().toList());
        } finally {
            read.unlock();
        }
    }

    int size() {
        Lock read = lock.readLock();
        read.lock();
        try {
            return chunks.size();
        } finally {
            read.unlock();
        }
    }

    /**
     * Empties the collection for good; later calls see it as gone.
     *
     * @return the bytes it held, now free
     */
    long drop() {
        Lock write = lock.writeLock();
        write.lock();
        try {
            dropped = true;
            chunks.clear();
            long freed = bytes;
            bytes = 0;
            return freed;
        } finally {
            write.unlock();
        }
    }
}
