package dev.resilient.git;

import static dev.resilient.git.GitTestSupport.authed;
import static dev.resilient.git.GitTestSupport.snapshot;
import static dev.resilient.git.GitTestSupport.uniqueProject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConcurrentSnapshotsTest {

    @Test
    void parallelSnapshotsOfOneProjectFormOneLinearChain() throws Exception {
        String project = uniqueProject("parallel");
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    ids.add(snapshot(project, "thread " + thread + " #" + i).statusCode(201).extract().path("snapshot_id"));
                }
                return ids;
            }));
        }
        start.countDown();
        Set<String> answered = new HashSet<>();
        for (Future<List<String>> f : futures) {
            answered.addAll(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        int total = threads * perThread;
        assertEquals(total, answered.size(), "snapshot ids are not distinct");

        List<Map<String, Object>> newestFirst = authed().queryParam("limit", 1000).get("/history/" + project).then()
                .statusCode(200).extract().path("snapshots");
        assertEquals(total, newestFirst.size());
        Set<String> listed = new HashSet<>();
        for (int i = 0; i < total; i++) {
            Map<String, Object> s = newestFirst.get(i);
            listed.add((String) s.get("snapshot_id"));
            assertEquals(total - i, s.get("sequence"));
            if (i + 1 < total) {
                assertEquals(newestFirst.get(i + 1).get("snapshot_id"), s.get("parent_id"), "broken chain at " + s);
            } else {
                assertNull(s.get("parent_id"));
            }
        }
        assertEquals(answered, listed);
    }

    @Test
    void projectsDoNotShareSequences() throws Exception {
        String a = uniqueProject("left");
        String b = uniqueProject("right");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> fa = pool.submit(() -> { for (int i = 0; i < 20; i++) { snapshot(a, "a" + i).statusCode(201); } });
        Future<?> fb = pool.submit(() -> { for (int i = 0; i < 20; i++) { snapshot(b, "b" + i).statusCode(201); } });
        fa.get(60, TimeUnit.SECONDS);
        fb.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        assertEquals(20, (Integer) authed().get("/history/" + a).then().extract().path("snapshots[0].sequence"));
        assertEquals(20, (Integer) authed().get("/history/" + b).then().extract().path("snapshots[0].sequence"));
    }
}
