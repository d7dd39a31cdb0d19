package dev.resilient.chroma.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the in-memory store; keys start with {@code chroma.} (env {@code CHROMA_...}). */
@ConfigMapping(prefix = "chroma")
public interface ChromaConfig {

    /** Most collections held at once; creating one more answers 507. Env {@code CHROMA_MAX_COLLECTIONS}. */
    @WithDefault("1000")
    int maxCollections();

    /**
     * Most collections one tenant holds, so that one tenant cannot take the whole store's room
     * ({@link #maxCollections()}) from the others. A collection's tenant is its name up to
     * {@code __} (the backend names them {@code project_<user>__<project>}); a name without
     * {@code __} is a tenant of its own. Env {@code CHROMA_MAX_COLLECTIONS_PER_TENANT}.
     */
    @WithDefault("100")
    int maxCollectionsPerTenant();

    /**
     * Most bytes of chunks one tenant (as for {@link #maxCollectionsPerTenant()}) holds over all its
     * collections, so that one tenant cannot fill the stub's heap: a chunk weighs the UTF-8 bytes of
     * its id, text and metadata keys and values, plus 12 bytes per non-zero bucket of its embedding.
     * An upsert that would take the tenant past it answers 507 and stores nothing; replacing a chunk
     * counts the difference, deleting a collection frees what it held. The default, 32 MiB, is a
     * third of the 96 MB heap {@code deploy/suite} gives a stub. Env {@code CHROMA_MAX_BYTES_PER_TENANT}.
     */
    @WithDefault("33554432")
    long maxBytesPerTenant();

    /** Most chunks in one collection; a batch that would exceed it answers 507 and stores nothing. */
    @WithDefault("100000")
    int maxChunksPerCollection();
}
