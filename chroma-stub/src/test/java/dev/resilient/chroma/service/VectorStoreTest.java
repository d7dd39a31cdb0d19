package dev.resilient.chroma.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resilient.chroma.config.ChromaConfig;
import dev.resilient.chroma.model.Chunk;
import dev.resilient.kit.errors.ErrorBody;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import dev.resilient.kit.storage.ChunkWeight;
import org.junit.jupiter.api.Test;

class VectorStoreTest {

    private static VectorStore store(int maxCollections, int maxChunks) {
        return store(maxCollections, maxCollections, maxChunks);
    }

    private static VectorStore store(int maxCollections, int perTenant, int maxChunks) {
        return store(maxCollections, perTenant, maxChunks, Long.MAX_VALUE);
    }

    private static VectorStore store(int maxCollections, int perTenant, int maxChunks, long bytesPerTenant) {
        return new VectorStore(new HashingEmbedder(), new ChromaConfig() {
            @Override
            public int maxCollections() {
                return maxCollections;
            }

            @Override
            public int maxCollectionsPerTenant() {
                return perTenant;
            }

            @Override
            public long maxBytesPerTenant() {
                return bytesPerTenant;
            }

            @Override
            public int maxChunksPerCollection() {
                return maxChunks;
            }
        });
    }

    private static List<Chunk> chunks(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> new Chunk(prefix + i, "text " + i, null)).toList();
    }

    @Test
    void refusesABatchThatWouldOverfillACollectionWith507AndStoresNothing() {
        VectorStore store = store(10, 3);
        store.upsert("c", chunks("a", 2));
        WebApplicationException e = assertThrows(WebApplicationException.class, () -> store.upsert("c", chunks("b", 2)));
        assertEquals(507, e.getResponse().getStatus());
        assertEquals(List.of("a0", "a1"), store.describe("c").ids());
        // replacing existing ids needs no room
        assertEquals(2, store.upsert("c", chunks("a", 2)).updated());
    }

    @Test
    void refusesANewCollectionPastTheLimitWith507() {
        VectorStore store = store(1, 10);
        store.upsert("first", chunks("x", 1));
        WebApplicationException e = assertThrows(WebApplicationException.class, () -> store.upsert("second", chunks("y", 1)));
        assertEquals(507, e.getResponse().getStatus());
        assertThrows(NotFoundException.class, () -> store.describe("second"));
    }

    @Test
    void oneTenantPastItsCollectionsIsRefusedWhileAnotherStillCreatesHis() {
        VectorStore store = store(10, 2, 10);
        store.upsert("project_alice__a", chunks("x", 1));
        store.upsert("project_alice__b", chunks("x", 1));
        WebApplicationException e = assertThrows(WebApplicationException.class,
                () -> store.upsert("project_alice__c", chunks("x", 1)));
        assertEquals(507, e.getResponse().getStatus());
        assertEquals("tenant storage full: at most 2 collections per tenant (chroma.max-collections-per-tenant);"
                + " this tenant holds 2 and the request adds 1", e.getMessage());
        store.upsert("project_alice__a", chunks("y", 1)); // her existing collections still take chunks
        store.upsert("project_bob__a", chunks("x", 1));
        assertEquals(1, store.describe("project_bob__a").ids().size());
    }

    @Test
    void deletingACollectionLetsItsTenantCreateAnother() {
        VectorStore store = store(10, 1, 10);
        store.upsert("project_alice__a", chunks("x", 1));
        assertThrows(WebApplicationException.class, () -> store.upsert("project_alice__b", chunks("x", 1)));
        store.delete("project_alice__a");
        store.upsert("project_alice__b", chunks("x", 1));
        assertEquals(1, store.describe("project_alice__b").count());
    }

    /** One chunk {@code id} whose id and text together are {@code bytes} long, with no words (an empty embedding). */
    private static List<Chunk> sized(String id, int bytes) {
        return List.of(new Chunk(id, "-".repeat(bytes - id.length()), null));
    }

    @Test
    void aTenantPastItsBytesGets507StoringNothingWhileAnotherStillStores() {
        VectorStore store = store(10, 10, 100, 1000);
        store.upsert("project_alice__a", sized("a1", 600));
        WebApplicationException e = assertThrows(WebApplicationException.class,
                () -> store.upsert("project_alice__b", sized("b1", 401)));
        assertEquals(507, e.getResponse().getStatus());
        assertEquals("tenant storage full: at most 1000 bytes of chunks per tenant (chroma.max-bytes-per-tenant);"
                + " this tenant holds 600 and the request adds 401", ((ErrorBody) e.getResponse().getEntity()).error());
        assertEquals(List.of(), store.describe("project_alice__b").ids(), "the refused batch stored nothing");
        store.upsert("project_alice__b", sized("b1", 400)); // exactly up to the limit

        store.upsert("project_bob__a", sized("a1", 1000));
        assertEquals(List.of("a1"), store.describe("project_bob__a").ids());
    }

    @Test
    void replacingAChunkCountsOnlyTheDifference() {
        VectorStore store = store(10, 10, 100, 1000);
        store.upsert("project_alice__a", sized("a1", 900));
        assertEquals(1, store.upsert("project_alice__a", sized("a1", 900)).updated(), "the same size again fits");
        store.upsert("project_alice__a", sized("a1", 1000));
        assertThrows(WebApplicationException.class, () -> store.upsert("project_alice__a", sized("a2", 10)));
        store.upsert("project_alice__a", sized("a1", 500)); // a smaller replacement frees room
        store.upsert("project_alice__a", sized("a2", 500));
        assertEquals(List.of("a1", "a2"), store.describe("project_alice__a").ids());
    }

    @Test
    void deletingACollectionFreesItsTenantsBytes() {
        VectorStore store = store(10, 10, 100, 1000);
        store.upsert("project_alice__a", sized("a1", 1000));
        assertThrows(WebApplicationException.class, () -> store.upsert("project_alice__b", sized("b1", 10)));
        store.delete("project_alice__a");
        store.upsert("project_alice__b", sized("b1", 1000));
        assertEquals(List.of("b1"), store.describe("project_alice__b").ids());
    }

    @Test
    void aChunkWeighsItsUtf8IdTextMetadataAndEmbedding() {
        Chunk chunk = new Chunk("id", "héllo wörld", java.util.Map.of("k", 12));
        StoredChunk stored = StoredChunk.of(chunk, new HashingEmbedder().embed(chunk.text()));
        assertEquals(2 + 13 + 1 + 2 + 2 * ChunkWeight.BYTES_PER_BUCKET, stored.bytes());
    }

    @Test
    void concurrentUpsertsOfTheSameIdsNeverDuplicate() throws Exception {
        VectorStore store = store(10, 1000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                futures.add(pool.submit(() -> store.upsert("shared", chunks("id", 50))));
                futures.add(pool.submit(() -> store.query("shared", List.of("text 1"), 5)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // a query may run before the first upsert created the collection
                    if (!(e.getCause() instanceof NotFoundException)) {
                        throw e;
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(50, store.describe("shared").count());
    }
}
