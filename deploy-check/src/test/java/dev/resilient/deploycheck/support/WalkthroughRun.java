package dev.resilient.deploycheck.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the walk-through's commands with bash (one shell session, from the repository root, in the
 * given environment, stdin from /dev/null) within a time limit, and reads back what each one printed.
 * Past the limit the shell and everything it still runs are killed; the commands not finished by
 * then have no exit status (and those not started, no output).
 */
public final class WalkthroughRun {

    /** What one command printed (stdout and stderr together), or null if it never started; its exit status, or null if it never finished. */
    public record Output(WalkthroughStep step, String text, Integer status) {
    }

    private final List<Output> outputs;
    private final boolean timedOut;
    private final Duration took;
    private final String script;
    private final String shellOutput;

    private WalkthroughRun(List<Output> outputs, boolean timedOut, Duration took, String script, String shellOutput) {
        this.outputs = outputs;
        this.timedOut = timedOut;
        this.took = took;
        this.script = script;
        this.shellOutput = shellOutput;
    }

    /** Writes the script into {@code workDir}, checks it with {@code bash -n}, runs it and collects the outputs. */
    public static WalkthroughRun run(List<WalkthroughStep> steps, int backendPort, Path root, Path workDir,
            Map<String, String> env, Duration limit) throws IOException, InterruptedException {
        Path outputs = Files.createDirectories(workDir.resolve("outputs"));
        String script = WalkthroughScript.of(steps, backendPort, outputs);
        Path file = workDir.resolve("walkthrough.sh");
        Files.writeString(file, script);
        Path shellLog = workDir.resolve("shell.log");

        Process check = bash(root, env, shellLog, "-n", file.toString());
        if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
            check.destroyForcibly();
            throw new IllegalStateException("the walk-through's commands are not valid bash (bash -n):\n"
                    + Files.readString(shellLog) + "\n" + script);
        }

        long start = System.nanoTime();
        Process shell = bash(root, env, shellLog, file.toString());
        boolean finished = shell.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            shell.descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly();
            shell.waitFor(10, TimeUnit.SECONDS);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        List<Output> results = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            results.add(new Output(steps.get(i), read(WalkthroughScript.output(outputs, i)),
                    status(WalkthroughScript.status(outputs, i))));
        }
        return new WalkthroughRun(results, !finished, took, script, read(shellLog));
    }

    private static Process bash(Path root, Map<String, String> env, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().clear();
        pb.environment().putAll(env);
        return pb.start();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Integer status(Path file) {
        String text = read(file);
        return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
    }

    public List<Output> outputs() {
        return outputs;
    }

    public boolean timedOut() {
        return timedOut;
    }

    public Duration took() {
        return took;
    }

    /** What the shell printed outside the commands' own redirections (normally nothing). */
    public String shellOutput() {
        return shellOutput == null ? "" : shellOutput;
    }

    /** The script as it ran. */
    public String script() {
        return script;
    }
}
