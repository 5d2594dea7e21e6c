package io.ddt.examples.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The child processes of one harness run, stopped at the end of the run or, if the JVM is
 * stopped first (Ctrl-C, SIGTERM), by a shutdown hook. Stopping a child closes its standard
 * input (the fake cluster launcher stops when it reads the end), waits up to a grace period,
 * then sends SIGTERM, then kills it. Thread-safe; {@link #close()} is idempotent.
 */
final class ChildProcesses implements AutoCloseable {

    private final Duration grace;
    private final List<Process> processes = new ArrayList<>();
    private final Thread hook;
    private boolean closed;

    ChildProcesses(Duration grace) {
        this.grace = grace;
        this.hook = new Thread(this::stopAll, "ddt-bench-children-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Tracks a started child; a child registered after {@link #close()} is stopped at once. */
    void register(Process process) {
        boolean late;
        synchronized (this) {
            late = closed;
            if (!late) {
                processes.add(process);
            }
        }
        if (late) {
            stop(process, grace);
        }
    }

    /** Every child ever registered, alive or not. */
    synchronized List<ProcessHandle> handles() {
        return processes.stream().map(Process::toHandle).toList();
    }

    /** Stops one child as described above; returns once it is gone or could not be killed. */
    static void stop(Process process, Duration grace) {
        closeInput(process);
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroy();
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down and the hook is running or has run: nothing to remove
        }
    }

    private void stopAll() {
        List<Process> toStop;
        synchronized (this) {
            closed = true;
            toStop = List.copyOf(processes);
        }
        // Children are independent: close every stdin first so they all stop in parallel.
        toStop.forEach(ChildProcesses::closeInput);
        toStop.forEach(p -> stop(p, grace));
    }

    private static void closeInput(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already closed: the child has its end of input either way
        }
    }
}
