package dev.resilient.chroma.service;

import dev.resilient.chroma.config.ChromaConfig;
import dev.resilient.chroma.model.AddChunksResponse;
import dev.resilient.chroma.model.Chunk;
import dev.resilient.chroma.model.CollectionDetails;
import dev.resilient.chroma.model.CollectionSummary;
import dev.resilient.chroma.model.QueryDocument;
import dev.resilient.kit.errors.ApiError;
import dev.resilient.stubkit.quota.TenantQuota;
import dev.resilient.stubkit.quota.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory vector store: named collections of chunks with their embeddings. Thread-safe;
 * each collection guards its own chunks (see {@link ChunkCollection}).
 */
@ApplicationScoped
public class VectorStore {

    private final Map<String, ChunkCollection> collections = new ConcurrentHashMap<>();
    private final Object creationLock = new Object();
    private final HashingEmbedder embedder;
    private final ChromaConfig config;
    private final TenantQuota collectionsPerTenant;
    private final TenantQuota bytesPerTenant;

    VectorStore(HashingEmbedder embedder, ChromaConfig config) {
        this.embedder = embedder;
        this.config = config;
        this.collectionsPerTenant = new TenantQuota("chroma.max-collections-per-tenant", config.maxCollectionsPerTenant(),
                "collections");
        this.bytesPerTenant = new TenantQuota("chroma.max-bytes-per-tenant", config.maxBytesPerTenant(), "bytes of chunks");
    }

    /**
     * Upserts a batch by id into the collection, creating it if missing. All or nothing.
     *
     * @throws WebApplicationException 507 with {@code {"error"}} naming the limit when the store's or the
     *                                  tenant's collections, the collection's chunks or the tenant's bytes would be exceeded
     */
    public AddChunksResponse upsert(String collectionName, List<Chunk> chunks) {
        if (chunks.stream().map(Chunk::id).distinct().count() > config.maxChunksPerCollection()) {
            throw full("a collection holds at most " + config.maxChunksPerCollection() + " chunks");
        }
        List<StoredChunk> batch = chunks.stream().map(c -> StoredChunk.of(c, embedder.embed(c.text()))).toList();
        String tenant = Tenants.of(collectionName);
        while (true) {
            try {
                Optional<AddChunksResponse> result = collectionForWrite(collectionName)
                        .upsert(batch, config.maxChunksPerCollection(), delta -> bytesPerTenant.adjust(tenant, delta));
                if (result.isPresent()) {
                    return result.get();
                }
            } catch (ChunkCollection.FullException e) {
                throw full(e.getMessage());
            }
            // the collection was deleted between lookup and write: retry on a fresh one
        }
    }

    /**
     * @return at most {@code n} chunks of the collection, nearest first
     * @throws NotFoundException when the collection does not exist
     */
    public List<QueryDocument> query(String collectionName, List<String> queryTexts, int n) {
        List<SparseVector> queries = queryTexts.stream().map(embedder::embed).toList();
        return existing(collectionName).nearest(queries, n).orElseThrow(() -> notFound(collectionName));
    }

    /** @throws NotFoundException when the collection does not exist */
    public CollectionDetails describe(String collectionName) {
        List<String> ids = existing(collectionName).sortedIds().orElseThrow(() -> notFound(collectionName));
        return new CollectionDetails(collectionName, ids.size(), ids);
    }

    /**
     * @return the chunk stored under {@code id}, as it was sent
     * @throws NotFoundException when the collection or the chunk does not exist
     */
    public Chunk chunk(String collectionName, String id) {
        return existing(collectionName).get(id).orElseThrow(() -> new NotFoundException("chunk '" + id + "' not found in collection '" + collectionName + "'"));
    }

    /** Every collection with its size, sorted by name. */
    public List<CollectionSummary> list() {
        return collections.entrySet().stream()
                .map(e -> new CollectionSummary(e.getKey(), e.getValue().size()))
                .sorted(Comparator.comparing(CollectionSummary::name))
                .toList();
    }

    /** @throws NotFoundException when the collection does not exist */
    public void delete(String collectionName) {
        ChunkCollection removed = collections.remove(collectionName);
        if (removed == null) {
            throw notFound(collectionName);
        }
        String tenant = Tenants.of(collectionName);
        collectionsPerTenant.adjust(tenant, -1);
        bytesPerTenant.adjust(tenant, -removed.drop());
    }

    private ChunkCollection existing(String collectionName) {
        ChunkCollection c = collections.get(collectionName);
        if (c == null) {
            throw notFound(collectionName);
        }
        return c;
    }

    private ChunkCollection collectionForWrite(String collectionName) {
        ChunkCollection c = collections.get(collectionName);
        if (c != null) {
            return c;
        }
        synchronized (creationLock) {
            c = collections.get(collectionName);
            if (c == null) {
                if (collections.size() >= config.maxCollections()) {
                    throw full("the store holds at most " + config.maxCollections() + " collections");
                }
                collectionsPerTenant.adjust(Tenants.of(collectionName), 1);
                c = new ChunkCollection(collectionName);
                collections.put(collectionName, c);
            }
            return c;
        }
    }

    private static NotFoundException notFound(String collectionName) {
        return new NotFoundException("collection '" + collectionName + "' not found");
    }

    private static WebApplicationException full(String message) {
        return ApiError.of(TenantQuota.INSUFFICIENT_STORAGE, message);
    }
}
