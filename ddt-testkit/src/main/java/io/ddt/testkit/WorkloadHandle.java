package io.ddt.testkit;

import io.ddt.testkit.internal.workload.WorkloadRunner;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Workload} running on its own daemon thread, as {@link Workload#start()} returns it.
 * Closing the handle stops the workload and waits for its thread, a bounded time.
 *
 * <p>Thread-safe. The counters are the workload's totals since it was built, so they include
 * operations of earlier runs of the same workload.
 */
public final class WorkloadHandle implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkloadHandle.class);
    /** How long {@link #close()} waits for the operation in flight before interrupting it. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final Duration INTERRUPT_WAIT = Duration.ofSeconds(1);

    private final Workload workload;
    private final WorkloadRunner runner;
    private final Thread thread;

    WorkloadHandle(Workload workload, WorkloadRunner runner, Thread thread) {
        this.workload = workload;
        this.runner = runner;
        this.thread = thread;
    }

    /**
     * Returns the name of the workload's thread, {@code ddt-<name>-<n>}.
     *
     * @return the thread name
     */
    public String threadName() {
        return thread.getName();
    }

    /**
     * Tells whether the workload is still issuing operations.
     *
     * @return false once it reached its limits, was stopped, or failed
     */
    public boolean isRunning() {
        return !runner.isFinished();
    }

    /**
     * Returns a snapshot of the counters: operations per kind, duplicate keys, other errors and
     * the first of them.
     *
     * @return the counters now
     */
    public WorkloadStats stats() {
        return workload.stats();
    }

    /**
     * Returns the kept history, oldest first; see {@link Workload#history()}.
     *
     * @return the records so far
     */
    public List<WorkloadRecord> history() {
        return workload.history();
    }

    /**
     * Returns what stopped the workload unexpectedly: anything but a server error (those are
     * counted in {@link #stats()}), such as a bug or an error thrown by the driver itself.
     *
     * @return the failure, or empty if there was none
     */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(runner.failure());
    }

    /**
     * Waits until the workload has issued at least {@code operations} operations in all.
     *
     * @param operations the total to wait for
     * @param timeout how long to wait at most
     * @return true if the total was reached; false on timeout, or at once if the workload ended
     *     short of it
     * @throws IllegalStateException if the workload failed; the failure is the cause
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public boolean awaitOperations(long operations, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        boolean reached = runner.awaitOperations(operations, timeout.toNanos(), TimeUnit.NANOSECONDS);
        Throwable failure = runner.failure();
        if (failure != null) {
            throw new IllegalStateException("workload on " + threadName() + " failed: " + failure, failure);
        }
        return reached;
    }

    /**
     * Stops the workload after the operation in flight and waits for its thread: up to five
     * seconds, then interrupts it and waits one more. Never throws; calling it again does nothing
     * more. If the calling thread is interrupted while waiting, its flag is restored.
     */
    @Override
    public void close() {
        runner.requestStop();
        try {
            thread.join(STOP_WAIT.toMillis());
            if (thread.isAlive()) {
                LOG.warn("workload thread {} did not stop within {}; interrupting it", threadName(), STOP_WAIT);
                thread.interrupt();
                thread.join(INTERRUPT_WAIT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "WorkloadHandle[" + threadName() + (isRunning() ? ", running" : ", ended") + "]";
    }
}
