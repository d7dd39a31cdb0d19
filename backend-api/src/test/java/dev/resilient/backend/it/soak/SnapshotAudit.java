package dev.resilient.backend.it.soak;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Git snapshots per project against the jobs that succeeded in it: a job takes at most one snapshot
 * (none when git failed it, {@code git_failed}), so snapshots beyond the project's succeeded jobs are
 * duplicates: a job run twice, or one snapshot sent twice. git-stub must keep its history across its
 * restarts (a data dir) for the count to mean anything.
 */
public final class SnapshotAudit {

    /** Projects read, snapshots found, succeeded jobs, duplicates (snapshots beyond the jobs), and the projects with any. */
    public record Result(int projects, int snapshots, int succeededJobs, int duplicates, List<String> where) {
    }

    private SnapshotAudit() {
    }

    /** @param succeededByProject succeeded jobs of each project */
    public static Result count(ChaosApi stubs, String gitUrl, String user, Map<String, Integer> succeededByProject) throws Exception {
        int snapshots = 0;
        int jobs = 0;
        int duplicates = 0;
        List<String> where = new ArrayList<>();
        for (Map.Entry<String, Integer> e : new TreeMap<>(succeededByProject).entrySet()) {
            HttpResponse<String> r = stubs.get(gitUrl, "/history/" + user + "__" + e.getKey() + "?limit=1000");
            int n = r.statusCode() == 200 ? BackendCalls.JSON.readTree(r.body()).path("snapshots").size() : 0;
            snapshots += n;
            jobs += e.getValue();
            if (n > e.getValue()) {
                duplicates += n - e.getValue();
                where.add(e.getKey() + ": " + n + " snapshots, " + e.getValue() + " succeeded jobs");
            }
        }
        return new Result(succeededByProject.size(), snapshots, jobs, duplicates, where);
    }
}
