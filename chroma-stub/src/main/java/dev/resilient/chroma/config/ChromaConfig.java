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

    /** Most chunks in one collection; a batch that would exceed it answers 507 and stores nothing. */
    @WithDefault("100000")
    int maxChunksPerCollection();
}
