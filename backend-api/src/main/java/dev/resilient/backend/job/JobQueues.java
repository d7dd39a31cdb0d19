package dev.resilient.backend.job;

import dev.resilient.backend.config.JobsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The registered job handlers (every {@link JobHandler} bean, by type) and the settings of each named queue:
 * {@code backend.jobs.queues.<name>.*}, each key left out taken from the top-level {@code backend.jobs.*} key.
 * A process runs the queues its handlers use; jobs of other queues wait for a process that has their handler.
 */
@ApplicationScoped
public class JobQueues {

    /** The queue of ingestion, and of every handler that names none. */
    public static final String DEFAULT = "default";

    private final Map<String, JobHandler> handlers = new TreeMap<>();
    private final Map<String, QueueSettings> settings = new TreeMap<>();
    private final JobsConfig config;

    /** @throws IllegalStateException at start when two handlers claim one type, or a queue's settings cannot work */
    JobQueues(Instance<JobHandler> registered, JobsConfig config) {
        this.config = config;
        for (JobHandler h : registered) {
            JobHandler before = handlers.putIfAbsent(h.type(), h);
            if (before != null) {
                throw new IllegalStateException("job type '" + h.type() + "' has two handlers: " + before.getClass().getName()
                        + " and " + h.getClass().getName());
            }
            settings.computeIfAbsent(h.queue(), this::resolve);
        }
        config.queues().keySet().forEach(q -> settings.computeIfAbsent(q, this::resolve));
    }

    /** The handler of job type {@code type}, if this process has one. Never fails. */
    public Optional<JobHandler> handler(String type) {
        return Optional.ofNullable(handlers.get(type));
    }

    /**
     * The queue a job of {@code type} goes to.
     *
     * @throws IllegalArgumentException when no handler is registered for {@code type}
     */
    public String queueOf(String type) {
        return handler(type).map(JobHandler::queue)
                .orElseThrow(() -> new IllegalArgumentException("no handler is registered for job type '" + type + "'"));
    }

    /** The queues this process runs: those of its handlers. */
    public Set<String> served() {
        Set<String> queues = new TreeSet<>();
        handlers.values().forEach(h -> queues.add(h.queue()));
        return queues;
    }

    /** A queue's settings; a queue nobody configured has the top-level ones. Never fails. */
    public QueueSettings settings(String queue) {
        QueueSettings s = settings.get(queue);
        return s != null ? s : resolve(queue);
    }

    private QueueSettings resolve(String name) {
        JobsConfig.Queue q = config.queues().get(name);
        if (q == null) {
            return new QueueSettings(name, config.workers(), config.maxAttempts(), config.backoffInitial(),
                    config.backoffFactor(), config.backoffMax());
        }
        return new QueueSettings(name, q.workers().orElse(config.workers()), q.maxAttempts().orElse(config.maxAttempts()),
                q.backoffInitial().orElse(config.backoffInitial()), q.backoffFactor().orElse(config.backoffFactor()),
                q.backoffMax().orElse(config.backoffMax()));
    }
}
