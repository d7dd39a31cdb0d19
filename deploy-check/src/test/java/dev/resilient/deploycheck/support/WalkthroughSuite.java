package dev.resilient.deploycheck.support;

import dev.resilient.deploycheck.model.ServiceModule;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment the walk-through runs in: the launcher's defaults, isolated from any other copy of
 * the suite. A fresh temporary directory holds the launcher's run directory ({@code SUITE_RUN_DIR}:
 * pids, logs, data) and its secrets file ({@code SUITE_SECRETS}); every port variable the launcher
 * reads ({@code *_PORT} in deploy/suite) gets a free port. The rest of the environment is reduced to
 * {@link #PASSED_ON} (a developer's exported JAVA_OPTS, INTERNAL_TOKEN, QUARKUS_* or proxy settings
 * would change the suite or its calls), with a UTF-8 locale when the inherited one is not: the
 * services write their log lines (with ✗) in the locale's charset.
 *
 * <p>{@link #close()} runs {@code deploy/suite down} in that environment, stops any process still named
 * in the run directory's pid files (the launcher started them for this test), and deletes the directory.
 * A shutdown hook does the same if the JVM is stopped before.
 */
public final class WalkthroughSuite implements AutoCloseable {

    public static final List<String> PASSED_ON = List.of(
            "PATH", "HOME", "USER", "LOGNAME", "SHELL", "TMPDIR", "TZ", "JAVA_HOME", "LANG", "LC_ALL", "LC_CTYPE");

    private static final Pattern PORT_VARIABLE = Pattern.compile("\\b([A-Z][A-Z0-9_]*_PORT)\\b");
    private static final Duration DOWN_LIMIT = Duration.ofMinutes(3);

    private final Path root;
    private final Path dir;
    private final Map<String, Integer> ports;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Thread shutdownHook;
    private boolean closed;

    private WalkthroughSuite(Path root, Path dir, Map<String, Integer> ports) {
        this.root = root;
        this.dir = dir;
        this.ports = ports;
        Map<String, String> inherited = System.getenv();
        for (String name : PASSED_ON) {
            if (inherited.containsKey(name)) {
                env.put(name, inherited.get(name));
            }
        }
        if (!utf8Locale(env)) {
            env.remove("LC_ALL");
            env.remove("LC_CTYPE");
            env.put("LANG", "C.UTF-8");
        }
        env.put("SUITE_RUN_DIR", runDir().toString());
        env.put("SUITE_SECRETS", dir.resolve("secrets.env").toString());
        ports.forEach((name, port) -> env.put(name, String.valueOf(port)));
        shutdownHook = new Thread(this::stop, "walkthrough-suite-down");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** A fresh environment for the launcher at {@code root}: temporary directory, free ports. */
    public static WalkthroughSuite isolated(Path root) {
        Map<String, Integer> ports = freePorts(portVariables(root.resolve("deploy/suite")));
        try {
            return new WalkthroughSuite(root, Files.createTempDirectory("walkthrough-"), ports);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packaged service jars {@code deploy/suite up} would otherwise build first (and slowly): none, normally. */
    public static List<Path> missingJars(Suite suite) {
        List<Path> missing = new ArrayList<>();
        for (ServiceModule m : suite.services()) {
            Path jar = m.dir().resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                missing.add(suite.root().relativize(jar));
            }
        }
        return missing;
    }

    /** Every {@code NAME_PORT} the launcher mentions (its head lists them; its body reads them). */
    static Set<String> portVariables(Path launcher) {
        Set<String> names = new TreeSet<>();
        Matcher m = PORT_VARIABLE.matcher(Suite.read(launcher));
        while (m.find()) {
            names.add(m.group(1));
        }
        if (!names.contains("BACKEND_PORT")) {
            throw new IllegalStateException(launcher + " no longer reads BACKEND_PORT: cannot isolate the walk-through");
        }
        return names;
    }

    /** Distinct free ports: all sockets are held open until every port is picked. */
    private static Map<String, Integer> freePorts(Set<String> names) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (String name : names) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                ports.put(name, socket.getLocalPort());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is free again either way
                }
            }
        }
        return ports;
    }

    private static boolean utf8Locale(Map<String, String> env) {
        for (String name : List.of("LC_ALL", "LC_CTYPE", "LANG")) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                String v = value.toLowerCase(Locale.ROOT);
                return v.contains("utf-8") || v.contains("utf8");
            }
        }
        return false;
    }

    public Path dir() {
        return dir;
    }

    public Path runDir() {
        return dir.resolve("run");
    }

    public Map<String, Integer> ports() {
        return Map.copyOf(ports);
    }

    public int backendPort() {
        return ports.get("BACKEND_PORT");
    }

    /** The whole environment of the walk-through's shell (and of {@code deploy/suite down}). */
    public Map<String, String> env() {
        return Map.copyOf(env);
    }

    /** Copies the services' logs (if any) into {@code target}. */
    public void copyLogsTo(Path target) throws IOException {
        Path logs = runDir().resolve("logs");
        if (!Files.isDirectory(logs)) {
            return;
        }
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.toList()) {
                Files.copy(log, target.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or ran: nothing left to do
        }
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            down();
        } finally {
            stopLeftovers();
            delete(dir);
        }
    }

    private void down() {
        ProcessBuilder pb = new ProcessBuilder(root.resolve("deploy/suite").toString(), "down")
                .directory(root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("down.log").toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            if (!p.waitFor(DOWN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                System.err.println("WalkthroughSuite: deploy/suite down did not finish in " + DOWN_LIMIT);
            } else if (p.exitValue() != 0) {
                System.err.println("WalkthroughSuite: deploy/suite down exited " + p.exitValue() + ":\n"
                        + Files.readString(dir.resolve("down.log")));
            }
        } catch (IOException e) {
            System.err.println("WalkthroughSuite: cannot run deploy/suite down: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Any service {@code down} left running: its pid file is in this test's own run directory, and the
     * process is still a {@code java ... quarkus-run.jar} (not a pid since handed to another program).
     */
    private void stopLeftovers() {
        Path pids = runDir().resolve("pids");
        if (!Files.isDirectory(pids)) {
            return;
        }
        try (Stream<Path> files = Files.list(pids)) {
            for (Path file : files.toList()) {
                try {
                    long pid = Long.parseLong(Files.readString(file).strip());
                    ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                            .filter(p -> p.info().commandLine().orElse("").contains("quarkus-run.jar")).ifPresent(p -> {
                        System.err.println("WalkthroughSuite: " + file.getFileName() + " still running after down; killing pid " + pid);
                        p.destroyForcibly();
                    });
                } catch (NumberFormatException | IOException e) {
                    // an unreadable pid file names no process we could stop
                }
            }
        } catch (IOException e) {
            System.err.println("WalkthroughSuite: cannot list " + pids + ": " + e);
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            System.err.println("WalkthroughSuite: cannot delete " + dir + ": " + e);
        }
    }
}
