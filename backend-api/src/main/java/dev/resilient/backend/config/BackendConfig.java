package dev.resilient.backend.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The backend's own settings (keys {@code backend.*}, env {@code BACKEND_*}). */
@ConfigMapping(prefix = "backend")
public interface BackendConfig {

    Search search();

    Chat chat();

    interface Search {
        /**
         * Folder of each project that ingestion saves documents into and full-text search reads: the
         * vector store's corpus, so the fallback answers from the same documents, and the chat history
         * (a growing file beside it) is never scanned on a search.
         */
        @WithDefault("docs")
        String documentsFolder();

        /** Results returned when a search does not say {@code n_results}. */
        @WithDefault("5")
        int defaultResults();
    }

    interface Chat {
        /** Passages retrieved as context for an answer. */
        @WithDefault("5")
        int contextResults();

        /**
         * Most characters of context passages put into one prompt, so that large documents never push a
         * prompt past what the LLM takes; passages beyond it are cut (the first ones, the closest, first).
         */
        @WithDefault("12000")
        int contextChars();

        /** File of the project the exchange is appended to (seed 000). */
        @WithDefault("chat_history.md")
        String historyFile();
    }
}
