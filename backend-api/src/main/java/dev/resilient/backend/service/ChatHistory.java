package dev.resilient.backend.service;

import dev.resilient.backend.client.filesystem.FilesystemClient;
import dev.resilient.backend.client.filesystem.SaveFileRequest;
import dev.resilient.backend.config.BackendConfig;
import dev.resilient.backend.resilience.Caller;
import dev.resilient.backend.resilience.Downstream;
import dev.resilient.backend.resilience.DownstreamCall;
import dev.resilient.backend.resilience.DownstreamClientError;
import dev.resilient.backend.resilience.Failures;
import dev.resilient.backend.resilience.FilesystemGuard;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Seed 000's chat history: each exchange appended to the project's {@code chat_history.md}, best
 * effort. While the filesystem cannot take it, the exchange is kept in memory ("chat saved in
 * memory"), behind any kept before it, and every {@code backend.chat.history-flush-interval} the
 * oldest are offered to the filesystem again, in order, until one fails; a new exchange waits behind
 * the kept ones so that the file keeps the order the chats were answered in. At most
 * {@code backend.chat.history-buffer-size} wait; past it an exchange is not kept. They are kept in
 * this process only: a restart of the backend loses them (README). Our own queue because what it
 * holds must be written in order by one writer and nothing in Quarkus or SmallRye keeps calls for later.
 * Metrics: gauge {@code chat.history.pending}, counter {@code chat.history.dropped}.
 */
@ApplicationScoped
public class ChatHistory {

    private static final Logger LOG = Logger.getLogger(ChatHistory.class);

    /** Where an exchange went, as the chat answer's {@code history} says it. */
    public enum Saved {
        SAVED("saved"), IN_MEMORY("saved in memory"), NOT_SAVED("not saved");

        private final String wireName;

        Saved(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    private record Pending(Namespace ns, SaveFileRequest exchange) {
    }

    private final FilesystemClient filesystem;
    private final FilesystemGuard guard;
    private final BackendConfig config;
    private final Counter dropped;
    /** Guarded by itself; only {@link #flush()} takes from it, and it runs one at a time. */
    private final Deque<Pending> pending = new ArrayDeque<>();

    ChatHistory(@RestClient FilesystemClient filesystem, FilesystemGuard guard, BackendConfig config, MeterRegistry registry) {
        this.filesystem = filesystem;
        this.guard = guard;
        this.config = config;
        this.dropped = Counter.builder("chat.history.dropped")
                .description("Chat exchanges neither written nor kept: the filesystem failed and the memory buffer was full, or it refused them")
                .register(registry);
        Gauge.builder("chat.history.pending", this, ChatHistory::pending)
                .description("Chat exchanges kept in memory, waiting for the filesystem").register(registry);
    }

    /**
     * Appends the exchange to the project's history, or keeps it in memory for later. Never fails.
     *
     * @return {@link Saved#SAVED} when the filesystem took it now; {@link Saved#IN_MEMORY} when it waits
     *         in memory (the filesystem failed, or earlier exchanges wait); {@link Saved#NOT_SAVED} when the
     *         buffer is full or the filesystem refused it with a 4xx (trying again cannot help)
     */
    public Saved append(Caller caller, Namespace ns, String message, String answer) {
        SaveFileRequest exchange = new SaveFileRequest(ns.key(), config.chat().historyFile(),
                "\n\n## User\n" + message + "\n\n## AI\n" + answer, "append");
        if (pending() == 0) {
            try {
                write(caller, ns, exchange);
                return Saved.SAVED;
            } catch (DownstreamClientError e) {
                dropped.increment();
                LOG.warnf("Chat history refused by the filesystem (%d), not kept", e.status());
                return Saved.NOT_SAVED;
            } catch (RuntimeException e) {
                return keep(new Pending(ns, exchange), "Filesystem service down (" + Failures.describe(e) + ")");
            }
        }
        return keep(new Pending(ns, exchange), "Earlier chat exchanges still wait for the filesystem");
    }

    /** Exchanges waiting in memory now. */
    public int pending() {
        synchronized (pending) {
            return pending.size();
        }
    }

    private Saved keep(Pending p, String why) {
        int waiting;
        synchronized (pending) {
            if (pending.size() >= config.chat().historyBufferSize()) {
                waiting = -1;
            } else {
                pending.addLast(p);
                waiting = pending.size();
            }
        }
        if (waiting < 0) {
            dropped.increment();
            LOG.errorf("%s and %d chat exchanges are already kept in memory: this one is not saved", why,
                    config.chat().historyBufferSize());
            return Saved.NOT_SAVED;
        }
        LOG.warnf("%s, chat saved in memory (%d waiting)", why, waiting);
        return Saved.IN_MEMORY;
    }

    /** Writes the kept exchanges, oldest first, until the filesystem fails one (then the next run goes on). */
    @Scheduled(every = "${backend.chat.history-flush-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flush() {
        int written = 0;
        while (true) {
            Pending next;
            synchronized (pending) {
                next = pending.peekFirst();
            }
            if (next == null) {
                break;
            }
            try {
                write(Caller.background(next.ns().user(), "chat-history"), next.ns(), next.exchange());
                written++;
            } catch (DownstreamClientError e) {
                dropped.increment();
                LOG.warnf("Chat history kept in memory refused by the filesystem (%d), dropped", e.status());
            } catch (RuntimeException e) {
                LOG.debugf("Chat history still cannot be written (%s), %d waiting", Failures.describe(e), pending());
                break;
            }
            synchronized (pending) {
                pending.pollFirst();
            }
        }
        if (written > 0) {
            LOG.infof("\u2713 Filesystem back: %d chat exchanges kept in memory written to the history, %d waiting",
                    written, pending());
        }
    }

    private void write(Caller caller, Namespace ns, SaveFileRequest exchange) {
        guard.call(DownstreamCall.to(Downstream.FILESYSTEM, "POST /save_file", caller,
                (budgetMs, criticality) -> filesystem.saveFile(budgetMs, criticality, ns.user(), exchange))
                .eachAttemptAtMost(config.chat().historySaveTimeout()));
    }
}
