package dev.resilient.backend.it.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Documents submitted again (same id, new content) while the job that holds their older version has
 * not finished (retrying, most telling; queued or running too): at the end the vector store must hold
 * each document's newest version, never an older one written by the older job's retry (a stale
 * overwrite). One resubmission of a document at a time, so "newest" is the last one answered 202; a
 * resubmission whose answer was lost may or may not be stored, so its document is left out of the check.
 */
public final class Resubmissions {

    /** The outcome of the check: documents checked, stale ones, and older jobs that list their document in {@code superseded}. */
    public record Audit(int checked, List<String> stale, int olderJobs, int supersededListed, int notFound) {
    }

    private record Newest(String project, String documentId, int version, List<String> olderJobs) {
    }

    private static final Pattern VERSION = Pattern.compile("version (\\d+)");

    private final AcceptedJobs jobs;
    private final SoakStats stats;
    private final String user;
    private final Map<String, Newest> newest = new ConcurrentHashMap<>();
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final Set<String> unknown = ConcurrentHashMap.newKeySet();

    /** @param user whose projects these are: the collection is {@code project_<user>__<project>} */
    public Resubmissions(AcceptedJobs jobs, SoakStats stats, String user) {
        this.jobs = jobs;
        this.stats = stats;
        this.user = user;
    }

    /** Picks a recent accepted job; if it is not finished, submits one of its documents again with new content. */
    public void resubmit(BackendCalls backend, Random random) {
        AcceptedJobs.Job older = jobs.recent(random, 3);
        if (older == null) {
            return;
        }
        BackendCalls.Outcome view = backend.job(older.id());
        String state = view.status() == 200 ? view.json().path("state").asText() : "unknown";
        if (!List.of("retrying", "queued", "running").contains(state)) {
            stats.count("resubmissions", "not sent: the older job was " + state);
            return;
        }
        String id = older.documentIds().get(random.nextInt(older.documentIds().size()));
        String key = older.project() + "/" + id;
        if (!busy.add(key)) {
            return;
        }
        try {
            Newest before = newest.get(key);
            int version = before == null ? 1 : before.version() + 1;
            BackendCalls.Outcome o = backend.ingest(older.project(), List.of(Map.of("id", id, "filename", id + ".md",
                    "content", AcceptedJobs.content(id, version, random))), "soak-resubmit-" + key.replace('/', '-') + "-v" + version);
            if (o.status() == 202) {
                List<String> olderJobs = new ArrayList<>(before == null ? List.of() : before.olderJobs());
                olderJobs.add(older.id());
                newest.put(key, new Newest(older.project(), id, version, olderJobs));
                jobs.add(new AcceptedJobs.Job(o.json().path("job_id").asText(), older.project(), List.of(id)));
                stats.count("resubmissions", "accepted while the older job was " + state);
            } else if (!o.answered()) {
                unknown.add(key);
                stats.count("resubmissions", "no answer (left out of the check)");
            } else {
                stats.count("resubmissions", "refused: " + o.status());
            }
        } finally {
            busy.remove(key);
        }
    }

    /**
     * Reads each resubmitted document at the vector store (chroma-stub {@code GET
     * /collections/{name}/chunks/{id}}: a query ranks by similarity, and in a project of a hundred
     * documents another one's hashed words can push it out of the answer) and each older job's
     * {@code superseded}.
     */
    public Audit audit(ChaosApi stubs, String chromaUrl, BackendCalls backend) {
        List<String> stale = new ArrayList<>();
        int checked = 0;
        int olderJobs = 0;
        int listed = 0;
        int notFound = 0;
        for (Map.Entry<String, Newest> e : newest.entrySet()) {
            if (unknown.contains(e.getKey())) {
                continue;
            }
            Newest n = e.getValue();
            checked++;
            Integer stored = storedVersion(stubs, chromaUrl, n);
            if (stored == null) {
                notFound++;
                stale.add(e.getKey() + ": not found");
            } else if (stored != n.version()) {
                stale.add(e.getKey() + ": version " + stored + " stored, newest " + n.version());
            }
            for (String job : n.olderJobs()) {
                olderJobs++;
                BackendCalls.Outcome o = backend.job(job);
                for (JsonNode s : o.json().path("superseded")) {
                    listed += s.asText().equals(n.documentId()) ? 1 : 0;
                }
            }
        }
        return new Audit(checked, stale, olderJobs, listed, notFound);
    }

    /** The version in the document's text at chroma-stub (read by id), -1 without one, null when it is not there. */
    private Integer storedVersion(ChaosApi stubs, String chromaUrl, Newest n) {
        try {
            HttpResponse<String> r = stubs.get(chromaUrl, "/collections/project_" + user + "__" + n.project() + "/chunks/" + n.documentId());
            if (r.statusCode() != 200) {
                return null;
            }
            Matcher m = VERSION.matcher(BackendCalls.JSON.readTree(r.body()).path("text").asText());
            return m.find() ? Integer.valueOf(m.group(1)) : -1;
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
