package dev.resilient.backend.it.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ingestion jobs the backend accepted (202), spread over a fixed set of projects, each document
 * with an id of its own, so each project can be checked at the vector store: the documents of its
 * accepted jobs there, each exactly once.
 */
public final class AcceptedJobs {

    public record Job(String id, String project, List<String> documentIds) {
    }

    /** A submission whose answer was lost (the backend was killed): it may or may not have been stored. */
    private record Unanswered(String key, String project, List<Map<String, String>> documents, List<String> ids) {
    }

    /** Of the accepted submissions once {@link #sendDuplicates()} is on, the share sent twice. */
    static final int DUPLICATE_PERCENT = 15;
    /** Projects the jobs spread over: chroma-stub holds at most 1000 collections (one a project). */
    static final int PROJECTS = 100; // within one user's project quota (backend.quotas.projects-per-user)

    private final List<Job> jobs = new ArrayList<>();
    private final List<Unanswered> unanswered = new ArrayList<>();
    private final AtomicInteger projects = new AtomicInteger();
    private final SoakStats stats;
    private volatile boolean duplicates;

    public AcceptedJobs(SoakStats stats) {
        this.stats = stats;
    }

    /** Submits 1 to 4 documents into a new project; remembers the job when the answer is 202. */
    public void submit(BackendCalls backend, Random random) {
        int job = projects.incrementAndGet();
        String project = "soak-" + (1 + job % PROJECTS);
        int n = 1 + random.nextInt(4);
        List<Map<String, String>> docs = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            String id = "j" + job + "-d" + d;
            ids.add(id);
            docs.add(Map.of("id", id, "filename", id + ".md", "content", content(id, 0, random)));
        }
        String key = "soak-job-" + job;
        BackendCalls.Outcome o = backend.ingest(project, docs, key);
        if (o.status() == 202) {
            String jobId = o.json().path("job_id").asText();
            add(new Job(jobId, project, ids));
            stats.count("jobs", "accepted (202)");
            if (duplicates && random.nextInt(100) < DUPLICATE_PERCENT) {
                sendAgain(backend, project, docs, key, jobId);
            }
        } else if (!o.answered()) {
            synchronized (this) {
                unanswered.add(new Unanswered(key, project, docs, ids));
            }
            stats.count("jobs", "not accepted: no answer");
        } else {
            stats.count("jobs", "not accepted: " + (o.answered() ? String.valueOf(o.status()) : "no answer"));
        }
    }

    /**
     * Sends an accepted submission again with its key, as a client does that lost the 202: the answer
     * must name the same job. Counted in table {@code duplicate submissions}; another job id is a violation.
     */
    private void sendAgain(BackendCalls backend, String project, List<Map<String, String>> docs, String key, String jobId) {
        BackendCalls.Outcome again = backend.ingest(project, docs, key);
        if (again.status() != 202) {
            stats.count("duplicate submissions", "sent again, answered " + (again.answered() ? again.status() : "nothing"));
        } else if (jobId.equals(again.json().path("job_id").asText())) {
            stats.count("duplicate submissions", "sent again: same job_id");
        } else {
            stats.count("duplicate submissions", "sent again: another job_id");
            stats.violation("submission " + key + " sent again answered job " + again.json().path("job_id").asText()
                    + ", the first answer was " + jobId);
        }
    }

    /** From now on a share of the accepted submissions is sent a second time with the same key. */
    public void sendDuplicates() {
        duplicates = true;
    }

    /** A document's content at a version: a token naming the document (to find it at the vector store) and the version. */
    static String content(String documentId, int version, Random random) {
        return token(documentId) + " version " + version + ": " + Words.sentence(random);
    }

    /** One word (letters and digits) that only this document's content holds. */
    static String token(String documentId) {
        return "tok" + documentId.replaceAll("[^A-Za-z0-9]", "");
    }

    /**
     * Sends every submission whose answer was lost again, with its key: the backend answers with the
     * job it stored then (the process was killed after the commit), or stores it now. Either way the
     * job is known, so the check at the vector store counts exactly what was stored.
     *
     * @return how many of them are known jobs now
     */
    public int resendUnanswered(BackendCalls backend) {
        List<Unanswered> lost;
        synchronized (this) {
            lost = List.copyOf(unanswered);
            unanswered.clear();
        }
        int known = 0;
        for (Unanswered u : lost) {
            BackendCalls.Outcome o = backend.ingest(u.project(), u.documents(), u.key());
            if (o.status() == 202) {
                add(new Job(o.json().path("job_id").asText(), u.project(), u.ids()));
                known++;
            }
        }
        return known;
    }

    synchronized void add(Job job) {
        jobs.add(job);
    }

    public synchronized List<Job> all() {
        return List.copyOf(jobs);
    }

    /** A random accepted job, or null before the first. */
    public synchronized Job any(Random random) {
        return jobs.isEmpty() ? null : jobs.get(random.nextInt(jobs.size()));
    }

    /**
     * One of the last {@code n} accepted jobs, or null before the first: a recent job is the one likely
     * still unfinished (jobs finish within a second or two when nothing fails).
     */
    public synchronized Job recent(Random random, int n) {
        if (jobs.isEmpty()) {
            return null;
        }
        int from = Math.max(0, jobs.size() - n);
        return jobs.get(from + random.nextInt(jobs.size() - from));
    }

    public int documents() {
        return all().stream().mapToInt(j -> j.documentIds().size()).sum();
    }
}
