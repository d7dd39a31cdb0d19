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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One of the suite's services, a stub or the backend itself, running as a real process from its
 * built jar ({@code <module>/target/quarkus-app/quarkus-run.jar}, or another packaged app folder)
 * on a free port. It can be stopped and started again on the same port: the real "connection
 * refused" case; killed, as in a crash; or run until it exits by itself, as a service that refuses
 * to start does.
 */
public final class ServiceProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private final String module;
    private final Map<String, String> properties;
    private final int port;
    private Process process;

    private final String app;
    private Map<String, String> environment = Map.of();

    public ServiceProcess(String module, Map<String, String> properties) {
        this(module, "quarkus-app", properties);
    }

    /**
     * @param app the packaged application folder under {@code <module>/target}, e.g.
     *            {@code postgresql/quarkus-app} for the backend built for PostgreSQL
     */
    public ServiceProcess(String module, String app, Map<String, String> properties) {
        this.module = module;
        this.app = app;
        this.properties = properties;
        this.port = freePort();
    }

    /** Environment variables for the process, beside the inherited ones (for config read from the environment). */
    public ServiceProcess withEnvironment(Map<String, String> variables) {
        this.environment = Map.copyOf(variables);
        return this;
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

    /** The running process's id, or -1 when it is not running. */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    private void launch() {
        Path root = Path.of(System.getProperty("suite.root", ".."));
        Path jar = root.resolve(module).resolve("target").resolve(app).resolve("quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the stubs first (./mvnw -B verify builds them before backend-api)");
        }
        // the test secrets first, so a test can override them (with a development default, say)
        Map<String, String> all = new LinkedHashMap<>(Stubs.secrets(module));
        all.putAll(properties);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        // A test process lives seconds to minutes and is started dozens of times a run (each test profile
        // restarts every stub): start-up is what counts, not peak throughput. The build's class-data-sharing
        // archive and C1 alone start a stub in about 2.3 s instead of 3.6 s on this 2-core machine.
        Path cds = jar.resolveSibling("app-cds.jsa");
        if (Files.exists(cds)) {
            command.add("-XX:SharedArchiveFile=" + cds);
        }
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Dquarkus.http.port=" + port);
        all.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log().getParent());
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            process = builder
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + module, e);
        }
    }

    /** Starts the process and waits until it is ready. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        launch();
        awaitReady();
    }

    /**
     * Starts the process and waits for it to end by itself, as a service that refuses to start does.
     *
     * @return its exit code
     * @throws IllegalStateException when it is still running after {@code timeout} (it is then killed)
     */
    public synchronized int runUntilExit(Duration timeout) {
        launch();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw new IllegalStateException(module + " was still running after " + timeout);
            }
            int exit = process.exitValue();
            process = null;
            return exit;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where the process writes its output: {@code target/stub-logs/<module>-<port>.log}. */
    public Path log() {
        return Path.of("target", "stub-logs", module + "-" + port + ".log");
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
                throw new IllegalStateException(module + " exited with " + process.exitValue() + "; see " + log());
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

    /**
     * A port nothing listens on now, and never handed out before in this test run: stubs start side by
     * side, and two of them must not be given the same just-closed port before either binds it.
     */
    public static int freePort() {
        while (true) {
            try (ServerSocket s = new ServerSocket(0)) {
                s.setReuseAddress(true);
                if (HANDED_OUT.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
