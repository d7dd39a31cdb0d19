package dev.resilient.bench.loadgen;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import org.HdrHistogram.Histogram;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * The generator: sends the mix (open or closed loop) and the probes, then prints every figure.
 * Everything runs on one Vert.x event loop, so the tallies need no locks and the generator takes at
 * most one of the machine's cores from the server it measures.
 */
public final class LoadGen {

    /** How long past its deadline an answer is still waited for before the request counts as failed. */
    private static final long GRACE_MS = 2_000;

    private final Options o;
    private final Map<Kind, Tally> tallies = new LinkedHashMap<>();
    private final List<Stream> streams = new ArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private HttpClient client;
    private long start;
    private long cpuAtStart;
    private long end;
    private long startEpochMs;
    private int outstanding;
    /**
     * Microseconds from each request's intended send time to the moment a connection took it. The latencies count
     * from the intended time, so a generator that falls behind (no core for its event loop, every connection busy)
     * adds its own delay to the server's; this says how much of a reading is the generator's.
     */
    private final Histogram sendLag = new Histogram(120_000_000L, 3);
    private boolean stopping;
    private boolean finished;

    /** A source of requests: the mix at its rate (or closed), or one probe kind at its own rate. */
    private static final class Stream {
        final List<Kind> sequence;
        final double rate;
        final boolean inMix;
        long sent;

        Stream(List<Kind> sequence, double rate, boolean inMix) {
            this.sequence = sequence;
            this.rate = rate;
            this.inMix = inMix;
        }

        Kind next() {
            return sequence.get((int) (sent % sequence.size()));
        }
    }

    private LoadGen(Options o) {
        this.o = o;
        int windows = (int) ((o.durationS() * 1000L + maxDeadlineMs(o) + GRACE_MS) / o.windowMs()) + 1;
        o.mix().keySet().forEach(k -> tallies.put(k, new Tally(k, windows)));
        o.probes().keySet().forEach(k -> tallies.putIfAbsent(k, new Tally(k, windows)));
        streams.add(new Stream(o.sequence(), o.rate(), true));
        o.probes().forEach((k, r) -> streams.add(new Stream(List.of(k), r, false)));
    }

    public static void main(String[] args) throws InterruptedException {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("loadgen: " + e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        // one client for the warm-up and the run: the run starts on the warm-up's open connections, so its first
        // second does not open hundreds of them while its requests wait (they count from their intended time)
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        URI u = URI.create(o.url());
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(u.getHost())
                        .setDefaultPort(u.getPort()).setKeepAlive(true).setConnectTimeout(2_000),
                new PoolOptions().setHttp1MaxSize(o.connections()).setMaxWaitQueueSize(-1));
        if (o.warmupS() > 0) {
            new LoadGen(o.warmup()).run(vertx, client, false);
        }
        new LoadGen(o).run(vertx, client, true);
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private void run(Vertx vertx, HttpClient client, boolean report) throws InterruptedException {
        this.client = client;
        vertx.runOnContext(v -> begin(vertx));
        done.await();
        if (report) {
            print();
        }
    }

    private void begin(Vertx vertx) {
        cpuAtStart = processCpuNanos();
        start = System.nanoTime();
        startEpochMs = System.currentTimeMillis();
        end = start + o.durationS() * 1_000_000_000L;
        if (o.closed() > 0) {
            for (int i = 0; i < o.closed(); i++) {
                send(streams.get(0), start);
            }
        }
        vertx.setPeriodic(1, id -> {
            long now = System.nanoTime();
            long elapsed = Math.min(now, end) - start;
            for (Stream s : streams) {
                if (s.rate <= 0) {
                    continue;   // the closed-loop mix: sent from completions
                }
                // request i is due at i / rate: every one whose time has come goes now
                long due = (long) (elapsed * s.rate / 1e9) + 1;
                while (s.sent < due && start + (long) (s.sent * 1e9 / s.rate) < end) {
                    send(s, start + (long) (s.sent * 1e9 / s.rate));
                }
            }
            if (now >= end) {
                vertx.cancelTimer(id);
                stopping = true;
                vertx.setTimer(maxDeadlineMs(o) + GRACE_MS, t -> finish());
                if (outstanding == 0) {
                    finish();
                }
            }
        });
    }

    private void send(Stream s, long intended) {
        Kind kind = s.next();
        s.sent++;
        Tally t = tallies.get(kind);
        t.sent(window(intended));
        outstanding++;
        RequestOptions ro = new RequestOptions().setMethod(HttpMethod.valueOf(kind.method())).setURI(kind.path())
                .setIdleTimeout(kind.deadlineMs() + GRACE_MS)
                .putHeader("Authorization", "Bearer " + o.token());
        if (kind.body() != null) {
            ro.putHeader("Content-Type", "application/json");
        }
        client.request(ro)
                .compose(req -> {
                    sendLag.recordValue(Math.min(Math.max(0, (System.nanoTime() - intended) / 1_000), sendLag.getHighestTrackableValue()));
                    return kind.body() == null ? req.send() : req.send(Buffer.buffer(kind.body()));
                })
                .compose(resp -> resp.body().map(body -> {
                    String text = body.toString();
                    boolean shed = resp.statusCode() == 503 && resp.getHeader("X-Request-Criticality") != null;
                    boolean degraded = text.contains("\"degraded\":true") || text.contains("\"degraded\":[\"");
                    return new Answer(resp.statusCode(), shed, degraded);
                }))
                .onComplete(ar -> {
                    outstanding--;
                    if (finished) {
                        return;
                    }
                    long now = System.nanoTime();
                    if (ar.succeeded()) {
                        Answer a = ar.result();
                        t.answered(window(now), a.status, a.shed, a.degraded, (now - intended) / 1_000);
                    } else {
                        t.failed();
                    }
                    if (s.rate <= 0 && !stopping) {
                        send(s, now);
                    } else if (stopping && outstanding == 0) {
                        finish();
                    }
                });
    }

    private record Answer(int status, boolean shed, boolean degraded) {
    }

    private int window(long nanos) {
        return (int) ((nanos - start) / (o.windowMs() * 1_000_000L));
    }

    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        // what never answered, even after the grace: failed
        tallies.values().forEach(t -> {
            long answered = t.ok + t.shed + t.limited + t.otherErrors + t.failed;
            for (long i = answered; i < t.sent; i++) {
                t.failed();
            }
        });
        done.countDown();
    }

    private static long maxDeadlineMs(Options o) {
        long max = 0;
        for (Kind k : o.mix().keySet()) {
            max = Math.max(max, k.deadlineMs());
        }
        for (Kind k : o.probes().keySet()) {
            max = Math.max(max, k.deadlineMs());
        }
        return max;
    }

    private void print() {
        String p = o.prefix();
        StringBuilder out = new StringBuilder();
        line(out, p + ".mode", "\"" + (o.closed() > 0 ? "closed" : "open") + "\"");
        line(out, p + ".offered_rps", o.closed() > 0 ? "null" : num(o.rate()));
        line(out, p + ".closed_connections", o.closed() > 0 ? String.valueOf(o.closed()) : "null");
        line(out, p + ".duration_s", String.valueOf(o.durationS()));
        line(out, p + ".window_ms", String.valueOf(o.windowMs()));
        line(out, p + ".started_at_ms", String.valueOf(startEpochMs));
        long mixGood = 0;
        long mixSent = 0;
        for (Tally t : tallies.values()) {
            String k = p + ".kinds." + t.kind.name();
            boolean inMix = o.mix().containsKey(t.kind);
            if (inMix) {
                mixGood += t.good;
                mixSent += t.sent;
            }
            line(out, k + ".criticality", "\"" + t.kind.criticality() + "\"");
            line(out, k + ".in_mix", String.valueOf(inMix));
            line(out, k + ".deadline_ms", String.valueOf(t.kind.deadlineMs()));
            line(out, k + ".sent", String.valueOf(t.sent));
            line(out, k + ".ok", String.valueOf(t.ok));
            line(out, k + ".good", String.valueOf(t.good));
            line(out, k + ".degraded", String.valueOf(t.degraded));
            line(out, k + ".shed", String.valueOf(t.shed));
            line(out, k + ".limited_429", String.valueOf(t.limited));
            line(out, k + ".errors", String.valueOf(t.otherErrors));
            line(out, k + ".error_statuses", t.errorStatuses.entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\":" + e.getValue()).collect(Collectors.joining(",", "{", "}")));
            line(out, k + ".failed", String.valueOf(t.failed));
            boolean any = t.admitted.getTotalCount() > 0;
            line(out, k + ".p50_ms", any ? num(t.admitted.getValueAtPercentile(50) / 1000.0) : "null");
            line(out, k + ".p99_ms", any ? num(t.admitted.getValueAtPercentile(99) / 1000.0) : "null");
            line(out, k + ".max_ms", any ? num(t.admitted.getMaxValue() / 1000.0) : "null");
            boolean anyShed = t.refused.getTotalCount() > 0;
            line(out, k + ".shed_p99_ms", anyShed ? num(t.refused.getValueAtPercentile(99) / 1000.0) : "null");
        }
        // the generator shares the machine with what it measures: its own cores are part of the reading
        line(out, p + ".generator_cores", num((processCpuNanos() - cpuAtStart) / (double) (System.nanoTime() - start)));
        boolean anySent = sendLag.getTotalCount() > 0;
        line(out, p + ".send_lag_p50_ms", anySent ? num(sendLag.getValueAtPercentile(50) / 1000.0) : "null");
        line(out, p + ".send_lag_p99_ms", anySent ? num(sendLag.getValueAtPercentile(99) / 1000.0) : "null");
        line(out, p + ".mix_sent", String.valueOf(mixSent));
        line(out, p + ".mix_good", String.valueOf(mixGood));
        line(out, p + ".goodput_rps", num(mixGood / (double) o.durationS()));
        Histogram mixAdmitted = new Histogram(120_000_000L, 3);
        tallies.values().stream().filter(t -> o.mix().containsKey(t.kind)).forEach(t -> mixAdmitted.add(t.admitted));
        boolean anyAdmitted = mixAdmitted.getTotalCount() > 0;
        line(out, p + ".mix_admitted_p50_ms", anyAdmitted ? num(mixAdmitted.getValueAtPercentile(50) / 1000.0) : "null");
        line(out, p + ".mix_admitted_p99_ms", anyAdmitted ? num(mixAdmitted.getValueAtPercentile(99) / 1000.0) : "null");
        line(out, p + ".series.good", series(true, t -> t.goodPerWindow));
        line(out, p + ".series.sent", series(true, t -> t.sentPerWindow));
        line(out, p + ".series.shed", series(true, t -> t.shedPerWindow));
        System.out.print(out);
        System.err.printf(Locale.ROOT, "loadgen %s: %s, %d sent (send lag p99 %.1f ms), goodput %.0f/s, %s%n", p,
                o.closed() > 0 ? o.closed() + " closed" : num(o.rate()) + "/s open", mixSent,
                anySent ? sendLag.getValueAtPercentile(99) / 1000.0 : 0.0, mixGood / (double) o.durationS(),
                tallies.values().stream().map(t -> t.kind.name() + " " + t.good + "/" + t.sent + " good, " + t.shed + " shed")
                        .collect(Collectors.joining("; ")));
    }

    /** The mix's kinds summed per window, as a JSON array. */
    private String series(boolean mixOnly, java.util.function.Function<Tally, long[]> of) {
        long[] sum = null;
        for (Tally t : tallies.values()) {
            if (mixOnly && !o.mix().containsKey(t.kind)) {
                continue;
            }
            long[] w = of.apply(t);
            if (sum == null) {
                sum = new long[w.length];
            }
            for (int i = 0; i < w.length; i++) {
                sum[i] += w[i];
            }
        }
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; sum != null && i < sum.length; i++) {
            b.append(i == 0 ? "" : ",").append(sum[i]);
        }
        return b.append(']').toString();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String num(double x) {
        return String.format(Locale.ROOT, "%.3f", x);
    }

    private static void line(StringBuilder out, String key, String json) {
        out.append(key).append('\t').append(json).append('\n');
    }
}
