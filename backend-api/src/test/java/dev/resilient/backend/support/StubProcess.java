package dev.resilient.backend.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of our stub services running as a real process from its built jar
 * ({@code <module>/target/quarkus-app/quarkus-run.jar}) on a free port. It can be stopped and
 * started again on the same port: the real "connection refused" case.
 */
public final class StubProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final String module;
    private final Map<String, String> properties;
    private final int port;
    private Process process;

    private final String app;

    public StubProcess(String module, Map<String, String> properties) {
        this(module, "quarkus-app", properties);
    }

    /**
     * @param app the packaged application folder under {@code <module>/target}, e.g.
     *            {@code postgresql/quarkus-app} for the backend built for PostgreSQL
     */
    public StubProcess(String module, String app, Map<String, String> properties) {
        this.module = module;
        this.app = app;
        this.properties = properties;
        this.port = freePort();
    }

    /** SIGKILL: the process gets no chance to clean up, as in a crash. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        Path root = Path.of(System.getProperty("suite.root", ".."));
        Path jar = root.resolve(module).resolve("target").resolve(app).resolve("quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the stubs first (./mvnw -B verify builds them before backend-api)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        command.add("-Dquarkus.http.port=" + port);
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Path logs = Path.of("target", "stub-logs");
            Files.createDirectories(logs);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(module + "-" + port + ".log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + module, e);
        }
        awaitReady();
    }

    /** Kills the process; connections to its port are then refused. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.exitValue() + "; see target/stub-logs/" + module + "-" + port + ".log");
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/q/health/ready").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop();
        throw new IllegalStateException(module + " did not become ready within " + START_TIMEOUT);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
