package dev.resilient.backend.it.soak;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job additions' part of the soak report (issue 18): submissions sent twice with one key (same
 * job each time), documents submitted again while their older job was unfinished (the newest version
 * at the vector store: no stale overwrite), git snapshots beyond one per succeeded job (duplicate runs
 * or snapshots), and the 401s after auth-stub's restarts. Each must be 0.
 */
public final class JobAdditionsReport {

    private JobAdditionsReport() {
    }

    public static void add(SoakReport r, SoakStats stats, SoakStats after, Resubmissions.Audit resubmitted, SnapshotAudit.Result snapshots) {
        long same = stats.get("duplicate submissions", "sent again: same job_id");
        long other = stats.get("duplicate submissions", "sent again: another job_id");
        r.check("submissions sent twice with one Idempotency-Key that got another job_id", 0, other + " (same job_id: " + same + ")",
                other == 0 && same > 0);
        r.check("stale overwrites: documents submitted again whose newest version is not the one at chroma-stub", 0,
                resubmitted.stale().size() + " of " + resubmitted.checked() + first(resubmitted.stale()),
                resubmitted.stale().isEmpty() && resubmitted.checked() > 0);
        r.check("duplicate snapshots / runs: git snapshots beyond one per succeeded job, per project", 0,
                snapshots.duplicates() + first(snapshots.where()), snapshots.duplicates() == 0);
        long refused = stats.total("auth") + after.total("auth");
        r.check("401 for a token issued before an auth-stub restart (the soak logs in again on 401)", 0, refused,
                refused == 0 && stats.get("restarts", "auth-stub") >= 1);

        Map<String, Object> rows = new LinkedHashMap<>(stats.table("duplicate submissions"));
        stats.table("resubmissions").forEach((k, v) -> rows.put("resubmission: " + k, v));
        rows.put("resubmitted documents checked at chroma-stub", resubmitted.checked());
        rows.put("of which stale (an older version stored)", resubmitted.stale().size());
        rows.put("of which not found", resubmitted.notFound());
        rows.put("older jobs of resubmitted documents", resubmitted.olderJobs());
        rows.put("older jobs that list the document in superseded (the others wrote it before the newer submission)",
                resubmitted.supersededListed());
        rows.put("projects with git history read", snapshots.projects());
        rows.put("git snapshots", snapshots.snapshots());
        rows.put("succeeded jobs (at most one snapshot each)", snapshots.succeededJobs());
        rows.put("duplicate snapshots", snapshots.duplicates());
        rows.put("auth-stub restarts", stats.get("restarts", "auth-stub"));
        stats.table("auth").forEach((k, v) -> rows.put("auth: " + k, v));
        after.table("auth").forEach((k, v) -> rows.put("auth (healing): " + k, v));
        r.table("Job additions: duplicate submissions, resubmitted documents, snapshots, auth restarts", "what", "value", rows);
    }

    private static String first(List<String> items) {
        return items.isEmpty() ? "" : " " + items.subList(0, Math.min(10, items.size()));
    }
}
