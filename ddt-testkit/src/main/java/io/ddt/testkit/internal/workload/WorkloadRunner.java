package io.ddt.testkit.internal.workload;

import com.mongodb.MongoInterruptedException;
import io.ddt.testkit.WorkloadStats;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a workload: issues operations until the run's operation count or duration is
 * reached, a stop is requested, or the thread is interrupted (its flag stays set), at the
 * configured rate. A runner runs once, on one thread; {@link #requestStop()} and the queries may
 * be called from any thread.
 */
public final class WorkloadRunner {

    private static final Logger LOG = LoggerFactory.getLogger(WorkloadRunner.class);
    /** Stands for "no duration": far enough never to come, near enough not to overflow. */
    private static final long FOREVER_NANOS = Long.MAX_VALUE / 4;

    private final WorkloadEngine engine;
    private final WorkloadSettings settings;
    private volatile boolean stopRequested;
    private volatile boolean finished;
    private volatile Thread thread;
    private volatile Throwable failure;

    /**
     * Creates a runner for one run of the engine.
     *
     * @param engine the engine to drive
     * @param settings the settings the engine was built with
     */
    public WorkloadRunner(WorkloadEngine engine, WorkloadSettings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    /**
     * Runs on the calling thread until done.
     *
     * @return the workload's counters at the end
     * @throws RuntimeException anything but a server error, which the engine counts instead
     */
    public WorkloadStats run() {
        thread = Thread.currentThread();
        long start = System.nanoTime();
        long deadline = start + (settings.duration() == null ? FOREVER_NANOS : settings.duration().toNanos());
        TokenBucket bucket = settings.operationsPerSecond() > 0 ? new TokenBucket(settings.operationsPerSecond()) : null;
        long done = 0;
        LOG.info("workload {} starting on {}", settings.name(), settings.namespaces());
        try {
            engine.loadInitialDocuments();
            while (done < settings.maxOperations() && mayContinue() && System.nanoTime() - deadline < 0) {
                if (bucket != null && !bucket.acquire(deadline, () -> stopRequested)) {
                    break;
                }
                engine.applyOne();
                done++;
            }
        } catch (MongoInterruptedException e) {
            LOG.debug("workload {} interrupted", settings.name());
        } finally {
            finished = true;
            engine.recorder().wakeWaiters();
        }
        logEnd(done, System.nanoTime() - start);
        return engine.stats();
    }

    /**
     * Runs like {@link #run()}, but keeps an unexpected exception for {@link #failure()} and logs
     * it instead of throwing: for a thread of its own, where nobody would catch it.
     */
    public void runKeepingFailure() {
        try {
            run();
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error("workload {} failed and stopped", settings.name(), e);
        }
    }

    /** Asks the run to stop after the operation in flight, and wakes it if it waits for a token. */
    public void requestStop() {
        stopRequested = true;
        Thread running = thread;
        if (running != null) {
            LockSupport.unpark(running);
        }
    }

    /** Tells whether the run has ended, for whatever reason. */
    public boolean isFinished() {
        return finished;
    }

    /** Returns what ended the run unexpectedly, or null. */
    public Throwable failure() {
        return failure;
    }

    /**
     * Waits until the workload has issued {@code count} operations in all, this run ends, or the
     * timeout passes.
     *
     * @return true if the count was reached
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean awaitOperations(long count, long timeout, TimeUnit unit) throws InterruptedException {
        return engine.recorder().awaitOperations(count, timeout, unit, () -> !finished);
    }

    private boolean mayContinue() {
        return !stopRequested && !Thread.currentThread().isInterrupted();
    }

    private void logEnd(long done, long nanos) {
        WorkloadStats stats = engine.stats();
        LOG.info("workload {} ran {} operations in {} ms ({} duplicate keys, {} errors in all)",
            settings.name(), done, TimeUnit.NANOSECONDS.toMillis(nanos), stats.duplicateKeyErrors(), stats.errors());
    }
}
