package io.ddt.examples.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One fake cluster in its own JVM ({@code io.ddt.testkit.FakeClusterLauncher}), so that its
 * heap and threads are not those of the code being measured. Its output is drained to the
 * run's log; it is stopped through the run's {@link ChildProcesses}.
 */
final class ClusterProcess {

    static final String LAUNCHER = "io.ddt.testkit.FakeClusterLauncher";
    private static final String READY = "READY ";

    private final String label;
    private final List<String> command;
    private final Process process;
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private final OutputDrain err;
    private final LogSink log;

    private ClusterProcess(String label, List<String> command, Process process, LogSink log) {
        this.label = label;
        this.command = command;
        this.process = process;
        this.log = log;
        OutputDrain.start(process.getInputStream(), label + "-out", log, line -> {
            if (line == null || line.startsWith(READY)) {
                ready.complete(line == null ? null : line.substring(READY.length()).trim());
            }
        });
        this.err = OutputDrain.start(process.getErrorStream(), label + "-err", log, line -> { });
    }

    /**
     * Starts the launcher on a free port, without waiting for it: several clusters start in
     * parallel, then {@link #awaitReady} waits for each.
     *
     * @param label names the child in the log and in errors, such as {@code cluster-1}
     * @param heap the child's {@code -Xmx}, such as {@code 4g}
     * @param launcherArgs extra launcher flags
     * @throws BenchmarkException if the JVM cannot be started at all
     */
    static ClusterProcess launch(String label, String heap, List<String> launcherArgs, LogSink log, ChildProcesses children) {
        List<String> args = new ArrayList<>(List.of("--port", "0"));
        args.addAll(launcherArgs);
        List<String> command = JavaCommand.of(heap, List.of(), LAUNCHER, args);
        log.line("harness", "starting " + label + ": " + JavaCommand.describe(command));
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new BenchmarkException("cannot start " + label + ": " + JavaCommand.describe(command) + ": " + e.getMessage(), e);
        }
        children.register(process);
        return new ClusterProcess(label, command, process, log);
    }

    /**
     * Waits for the child's {@code READY} line and returns its connection string.
     *
     * @throws BenchmarkException if the child exits or stays silent past {@code timeout}; the
     *     message holds the command and the child's standard error, and the child is stopped
     */
    String awaitReady(Duration timeout) throws InterruptedException {
        String uri;
        try {
            uri = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw failure("printed no READY line within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the READY future is never completed exceptionally", e);
        }
        if (uri == null) {
            throw failure(process.waitFor(5, TimeUnit.SECONDS) ? "exited with code " + process.exitValue() + " before it was ready"
                : "closed its output without printing READY");
        }
        log.line("harness", label + " ready at " + uri);
        return uri;
    }

    /** The connection string from the {@code READY} line, once {@link #awaitReady} returned it; else null. */
    String connectionString() {
        return ready.getNow(null);
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    private BenchmarkException failure(String reason) throws InterruptedException {
        ChildProcesses.stop(process, Duration.ofSeconds(2));
        err.awaitEnd(Duration.ofSeconds(2));
        List<String> stderr = err.tail();
        String message = "fake cluster " + label + " " + reason + "\n  command: " + JavaCommand.describe(command)
            + "\n  stderr:" + (stderr.isEmpty() ? " (empty)" : "\n    " + String.join("\n    ", stderr))
            + "\n  log: " + log.file().toAbsolutePath();
        log.line("harness", message);
        return new BenchmarkException(message);
    }
}
