package dev.resilient.backend.job;

import dev.resilient.backend.service.Namespace;
import dev.resilient.kit.errors.ApiError;
import dev.resilient.kit.hash.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Seed 004's {@code PersistentRequestQueue} as the rest of the backend uses it: {@link #enqueue} (seed's
 * {@code enqueue(job_type=, job_id=, job_data=, priority=)}) and {@link #status} ({@code get_job_status}).
 * Priorities as the seed's ({@code priority=1  # Higher priority}): a higher number runs first, default
 * {@value #DEFAULT_PRIORITY}, from {@value #MIN_PRIORITY} to {@value #MAX_PRIORITY}; they order a user's own
 * jobs of one queue (users take turns, whatever their jobs' priorities). A caller's job id makes the enqueue
 * idempotent: the same id for the same request is the same job, for another request a 409.
 */
@ApplicationScoped
public class JobQueue {

    public static final int MIN_PRIORITY = -10;
    public static final int MAX_PRIORITY = 10;
    public static final int DEFAULT_PRIORITY = 0;
    /** A caller's job id: 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}, starting with a letter or digit. */
    public static final String JOB_ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    private static final Pattern JOB_ID = Pattern.compile(JOB_ID_PATTERN);

    private final JobStore store;
    private final JobQueues queues;
    private final SubmissionQuotas quotas;

    JobQueue(JobStore store, JobQueues queues, SubmissionQuotas quotas) {
        this.store = store;
        this.queues = queues;
        this.quotas = quotas;
    }

    /**
     * Stores a job of {@code type} for {@code ns}'s owner on its handler's queue, or answers the job the
     * caller's {@code jobId} already names for the same request (same type, project, subject, payload and
     * priority), storing nothing and taking no quota.
     *
     * @param jobId    the caller's job id, or null for a generated one
     * @param subject  what the job is about, for {@link JobStore#newest}; may be null
     * @param payload  the type's input (JSON), handed to its handler
     * @param priority {@value #MIN_PRIORITY}..{@value #MAX_PRIORITY}, higher first
     * @throws dev.resilient.kit.errors.ApiError 400 for a priority out of range or a malformed job id; 409 when
     *         the job id names another request of the caller's; 429 or 403 past the caller's job quotas
     * @throws IllegalArgumentException when no handler is registered for {@code type} (a programming error)
     * @throws JobStoreException when the job database fails (the REST layer answers 503)
     */
    public JobStore.Enqueued enqueue(Namespace ns, String type, String jobId, String subject, String payload, int priority) {
        validate(jobId, priority);
        String queue = queues.queueOf(type);
        String hash = requestHash(ns, type, subject, payload, priority);
        try {
            if (jobId != null) {
                Optional<IngestionJob> first = store.existing(ns.user(), jobId, hash);
                if (first.isPresent()) {
                    return new JobStore.Enqueued(first.get(), false);
                }
            }
            quotas.check(ns);
            try {
                return new JobStore.Enqueued(store.enqueue(ns, new JobStore.NewJob(type, queue, jobId, subject, payload,
                        priority, hash)), true);
            } catch (JobStoreException raced) {
                // a concurrent enqueue with the same job id was stored first: it is this request's job, or a conflict
                Optional<IngestionJob> winner = jobId == null ? Optional.empty() : store.existing(ns.user(), jobId, hash);
                return new JobStore.Enqueued(winner.orElseThrow(() -> raced), false);
            }
        } catch (JobStore.JobIdTakenException e) {
            throw ApiError.of(409, e.getMessage());
        }
    }

    /**
     * The job the caller's {@code jobId} already names for this same request, if any; {@link #enqueue} would
     * answer it. For a caller that must answer a repeat before anything else (the analysis endpoint, before its cache).
     *
     * @throws dev.resilient.kit.errors.ApiError 400 for a malformed job id or a priority out of range; 409 when it
     *         names another request
     */
    public Optional<IngestionJob> replayOf(Namespace ns, String type, String jobId, String subject, String payload,
            int priority) {
        validate(jobId, priority);
        try {
            return store.existing(ns.user(), jobId, requestHash(ns, type, subject, payload, priority));
        } catch (JobStore.JobIdTakenException e) {
            throw ApiError.of(409, e.getMessage());
        }
    }

    private static void validate(String jobId, int priority) {
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw ApiError.of(400, "priority must be an integer from " + MIN_PRIORITY + " to " + MAX_PRIORITY
                    + " (higher runs first, default " + DEFAULT_PRIORITY + "), not " + priority);
        }
        if (jobId != null && !JOB_ID.matcher(jobId).matches()) {
            throw ApiError.of(400, "job_id must match " + JOB_ID_PATTERN);
        }
    }

    private static String requestHash(Namespace ns, String type, String subject, String payload, int priority) {
        return Hashes.sha256Hex(type + '\0' + ns.project() + '\0' + subject + '\0' + payload + '\0' + priority);
    }

    /** The job {@code owner} knows by {@code jobId} (seed 004's {@code get_job_status}); nobody else's. Never fails but for the database. */
    public Optional<IngestionJob> status(String owner, String jobId) {
        return store.findOwned(owner, jobId);
    }
}
