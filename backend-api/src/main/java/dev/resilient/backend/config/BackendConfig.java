package dev.resilient.backend.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

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

        /** Each attempt of a full-text search on the filesystem at most (seed 000: {@code timeout=5}), below the filesystem's 20 s. */
        @WithDefault("5s")
        Duration fulltextTimeout();
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

        /** Each attempt of saving an exchange to the history at most (seed 000: {@code timeout=10}), below the filesystem's 20 s. */
        @WithDefault("10s")
        Duration historySaveTimeout();

        /**
         * Exchanges kept in memory, in order, while the filesystem cannot take them (seed 000: "chat saved
         * in memory"), written once it is back. Past it, an exchange is not kept ({@code history: "not saved"}).
         * Kept in this process only: a restart loses them.
         */
        @WithDefault("1000")
        int historyBufferSize();

        /** How often the exchanges kept in memory are offered to the filesystem again. */
        @WithDefault("1s")
        Duration historyFlushInterval();
    }
}
