package dev.resilient.backend.job;

/** Claiming one given job in a database other tests' jobs share: those claimed on the way are finished. */
final class Claims {

    private Claims() {
    }

    static JobStore.Lease claimOnly(JobStore store, String worker, String id) {
        for (int i = 0; i < 100; i++) {
            for (JobStore.Lease l : store.claim(worker, JobQueues.DEFAULT, 10)) {
                if (l.jobId().equals(id)) {
                    return l;
                }
                store.succeed(l, 0, 0, false);
            }
        }
        throw new AssertionError("job " + id + " was not claimed");
    }
}
