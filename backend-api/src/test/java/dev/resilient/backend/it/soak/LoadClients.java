package dev.resilient.backend.it.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The soak's users: a few threads, each a loop of chat, search, ingestion, job polls and
 * deductions in random order (and, once asked, documents submitted again), until {@link #stop()}.
 */
public final class LoadClients {

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger chats = new AtomicInteger();
    private volatile boolean running = true;

    private final Resubmissions resubmissions;
    private volatile boolean resubmitting;

    public LoadClients(int clients, long seed, BackendCalls backend, AcceptedJobs jobs, DeductionLedger ledger, BackendLife life,
            Resubmissions resubmissions) {
        this.resubmissions = resubmissions;
        for (int i = 0; i < clients; i++) {
            Random random = new Random(seed + 1000L * (i + 1));
            String keyPrefix = "soak" + Long.toHexString(seed & 0xffffff) + "c" + i;
            threads.add(new Thread(() -> loop(random, keyPrefix, backend, jobs, ledger, life), "soak-client-" + i));
        }
    }

    /** From now on some turns submit a document again while its older job is unfinished ({@link Resubmissions}). */
    public void resubmitDocuments() {
        resubmitting = true;
    }

    public void start() {
        threads.forEach(Thread::start);
    }

    public void stop() {
        running = false;
    }

    /** Waits for the requests in flight to end (each has a client timeout). */
    public void join() throws InterruptedException {
        for (Thread t : threads) {
            t.join(60_000);
        }
    }

    private void loop(Random random, String keyPrefix, BackendCalls backend, AcceptedJobs jobs, DeductionLedger ledger, BackendLife life) {
        while (running) {
            long epoch = life.epoch();
            int op = random.nextInt(100);
            AcceptedJobs.Job any = jobs.any(random);
            String project = any == null ? "soak-0" : any.project();
            if (op < 20) {
                backend.chat("question " + chats.incrementAndGet() + ": " + Words.sentence(random) + "?", project);
            } else if (op < 45) {
                backend.search(Words.sentence(random), project);
            } else if (op < 55) {
                jobs.submit(backend, random);
            } else if (op < 60 && resubmitting) {
                resubmissions.resubmit(backend, random);
            } else if (op < 65) {
                if (any != null) {
                    backend.job(any.id());
                }
            } else {
                ledger.deductOnce(backend, random, keyPrefix);
            }
            if (!life.steadySince(epoch)) {
                pause(200); // the backend is restarting: do not spin on connection refused
            }
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
