package dev.resilient.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.deploycheck.support.Suite;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/suite} takes a service for running only while its pid file names a live
 * {@code java ... quarkus-run.jar} process (issue 15): after a {@code kill -9} the JVM may stay a zombie
 * (nobody reaps it when PID 1 does not), its pid may be gone or handed to another program, and
 * {@code deploy/suite start} must start the service again in each case. {@code status} shows the pid
 * {@code pid_of} finds, so these tests write pid files into a launcher run folder of their own
 * ({@code SUITE_RUN_DIR}, ports nobody listens on, secrets in the temp folder) and read its PID column.
 * No service is started; every process a test starts is killed and reaped after it.
 */
class DeploySuiteTest {

    private static final List<String> PORT_VARIABLES = List.of("BACKEND_PORT", "AUTH_PORT", "FILESYSTEM_PORT", "CHROMA_PORT",
            "BILLING_PORT", "GIT_PORT", "LLM_PORT", "LLM_SECONDARY_PORT");

    private final Suite suite = Suite.get();
    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path tmp;

    @BeforeEach
    void linuxOnly() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "zombies and /proc: Linux");
    }

    @AfterEach
    void killWhatWasStarted() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS); // the JVM reaps its own children: none is left a zombie
        }
    }

    @Test
    void aPidFileNamingAProcessThatIsGoneIsNotRunning() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(10, TimeUnit.SECONDS));
        writePid("backend", gone.pid());

        assertEquals("-", pidColumn("backend"), "a pid nobody has any more");
    }

    @Test
    void aZombieIsNotRunning() throws Exception {
        // perl forks a child that exits at once and is not reaped until perl reads the end of its stdin:
        // the child stays a zombie meanwhile, as a SIGKILLed JVM under a PID 1 that does not reap
        Process parent = start("perl", "-e", "$| = 1; my $p = fork; exit 0 unless $p; print \"$p\\n\"; <STDIN>; waitpid($p, 0);");
        long zombie = Long.parseLong(firstLine(parent));
        waitForState(zombie, "Z");
        writePid("backend", zombie);

        assertEquals("-", pidColumn("backend"), "a zombie (kill -0 still succeeds on it)");
        parent.getOutputStream().close(); // perl reaps its child and ends
        assertTrue(parent.waitFor(10, TimeUnit.SECONDS));
    }

    @Test
    void aLiveProcessThatIsNotAServiceJvmIsNotRunning() throws Exception {
        Process sleep = start("sleep", "30");
        writePid("chroma", sleep.pid());

        assertEquals("-", pidColumn("chroma"), "a pid since handed to another program (sleep)");
    }

    @Test
    void aLiveQuarkusRunJarJvmIsRunning() throws Exception {
        Process jvm = fakeServiceAs("billing");

        assertEquals(String.valueOf(jvm.pid()), pidColumn("billing"), "java -jar .../quarkus-run.jar is a service");
        assertEquals("-", pidColumn("git"), "no pid file: not running");
    }

    @Test
    void pidPrintsWhatStatusShowsAndFailsWhenNotRunning() throws Exception {
        // bench/run reads a service's CPU time and RSS from /proc/<pid>: it asks `deploy/suite pid`, so the
        // pid it reads is the one status shows, never a stale pid file's
        Process jvm = fakeServiceAs("billing");
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(10, TimeUnit.SECONDS));
        writePid("backend", gone.pid());

        assertEquals(String.valueOf(jvm.pid()), suite("pid", "billing").trim(), "a live service JVM");
        assertEquals(pidColumn("billing"), suite("pid", "billing").trim(), "the pid status shows");
        Run backend = run("pid", "backend");
        assertEquals(1, backend.exit(), "a pid nobody has any more: not running");
        assertEquals("", backend.out(), "and nothing printed");
        assertEquals(1, run("pid", "git").exit(), "no pid file: not running");
    }

    // --- the launcher ---

    /** The PID column of {@code deploy/suite status} for one service. */
    private String pidColumn(String service) throws Exception {
        String status = suite("status");
        for (String line : status.lines().toList()) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 4 && columns[0].equals(service)) {
                assertEquals("down", columns[3], "nothing listens on the test's ports: " + line);
                return columns[2];
            }
        }
        throw new AssertionError("no line for " + service + " in deploy/suite status:\n" + status);
    }

    private String suite(String... args) throws Exception {
        Run r = run(args);
        assertEquals(0, r.exit(), "deploy/suite " + String.join(" ", args) + ":\n" + r.out());
        return r.out();
    }

    private record Run(int exit, String out) {
    }

    /** deploy/suite ARGS in the test's run folder, on ports nobody listens on: its exit status and output. */
    private Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", suite.deploy().resolve("suite").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("SUITE_RUN_DIR", tmp.resolve("run").toString());
        env.put("SUITE_SECRETS", tmp.resolve("secrets.env").toString());
        for (String variable : PORT_VARIABLES) {
            env.put(variable, String.valueOf(unusedPort()));
        }
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("deploy/suite " + String.join(" ", args) + " did not finish:\n" + out);
        }
        return new Run(p.exitValue(), out);
    }

    private void writePid(String service, long pid) throws IOException {
        Path pids = Files.createDirectories(tmp.resolve("run/pids"));
        Files.writeString(pids.resolve(service + ".pid"), pid + "\n");
    }

    // --- processes ---

    private Process start(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        started.add(p);
        return p;
    }

    private static String firstLine(Process p) throws IOException {
        StringBuilder line = new StringBuilder();
        InputStream in = p.getInputStream();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().trim();
    }

    private static void waitForState(long pid, String state) throws Exception {
        Path stat = Path.of("/proc/" + pid + "/stat");
        String seen = "";
        for (int i = 0; i < 100; i++) {
            if (Files.exists(stat)) {
                String s = Files.readString(stat);
                seen = s.substring(s.lastIndexOf(')') + 2).split(" ")[0];
                if (seen.equals(state)) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("process " + pid + " is in state '" + seen + "', not " + state);
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A jar named quarkus-run.jar whose main class prints "idle" and waits for the end of its stdin. */
    private Path idleQuarkusRunJar() throws IOException {
        Path jar = Files.createDirectories(tmp.resolve("quarkus-app")).resolve("quarkus-run.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Idle.class.getName());
        String entry = Idle.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream bytes = Idle.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            bytes.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    /** The fake service's main class: idle until its stdin ends (the test's process ends with the test). */
    static final class Idle {
        public static void main(String[] args) throws IOException {
            System.out.println("idle");
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** A JVM that looks like a service to deploy/suite ({@code java -jar .../quarkus-run.jar}), under NAME's pid file. */
    private Process fakeServiceAs(String name) throws Exception {
        Path jar = idleQuarkusRunJar();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process jvm = start(java, "-Xmx16m", "-jar", jar.toString());
        assertEquals("idle", firstLine(jvm), "the fake service started");
        writePid(name, jvm.pid());
        return jvm;
    }
}
