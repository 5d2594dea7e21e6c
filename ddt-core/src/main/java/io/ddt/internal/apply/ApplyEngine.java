package io.ddt.internal.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoClient;

import io.ddt.ApplySettings;
import io.ddt.NamespaceFilter;
import io.ddt.NamespaceMapping;
import io.ddt.Position;
import io.ddt.internal.copy.NamedThreads;
import io.ddt.spi.EventBatch;
import io.ddt.spi.WatermarkListener;

/**
 * The engine behind {@code MongoChangeApplier}: one dispatcher thread and
 * {@link ApplySettings#threads()} workers, started when the engine is made and stopped by
 * {@link #close()}. The caller's thread only admits batches (waiting for room in the byte
 * budget) and queues them for the dispatcher.
 */
public final class ApplyEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApplyEngine.class);
    private static final long CLOSE_MILLIS = 10_000;

    private final ApplySettings settings;
    private final ApplyContext context;
    private final ConflictHandler conflicts;
    private final Dispatcher dispatcher;
    private final SavePoints savePoints;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Starts the threads.
     *
     * @param target the target cluster; the caller's, never closed here
     * @param filter the namespaces to replay
     * @param mapping where each source namespace goes on the target
     * @param settings workers, budget, policies
     */
    public ApplyEngine(MongoClient target, NamespaceFilter filter, NamespaceMapping mapping, ApplySettings settings) {
        this.settings = settings;
        BatchTracker tracker = new BatchTracker(settings.maxBytesInFlight());
        Retrier retrier = new Retrier(settings.retryTimeout(), tracker::stopping);
        TargetWriter writer = new TargetWriter(target, retrier);
        this.context = new ApplyContext(settings, tracker, new InFlight(), writer, new AtomicBoolean(), new LongAdder());
        this.conflicts = new ConflictHandler(settings, writer, retrier);
        SerialResolver resolver = new SerialResolver(writer, conflicts, context.applied());
        Barriers barriers = new Barriers(context, new DdlApplier(target, mapping), retrier, resolver,
            new AtomicTransactions(target, writer, retrier, resolver, context.applied()));
        Worker[] workers = new Worker[settings.threads()];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(context);
        }
        this.savePoints = new SavePoints(tracker);
        this.dispatcher = new Dispatcher(context, workers, new EventSelection(filter, mapping, settings.conflictNamespace()),
            barriers, savePoints);
        start(new NamedThreads(settings.jobName(), "apply-dispatch"), dispatcher);
        ThreadFactory workerThreads = new NamedThreads(settings.jobName(), "apply");
        for (Worker worker : workers) {
            start(workerThreads, worker);
        }
        LOG.info("{}: applying changes with {}", settings.jobName(), settings);
    }

    private void start(ThreadFactory factory, Runnable task) {
        Thread thread = factory.newThread(task);
        threads.add(thread);
        thread.start();
    }

    /** See {@code ChangeApplier.apply}. */
    public void apply(EventBatch batch) throws InterruptedException {
        Objects.requireNonNull(batch, "batch");
        BatchTicket ticket = context.tracker().admit(batch);
        dispatcher.handOver(batch, ticket);
    }

    /** See {@code ChangeApplier.setWatermarkListener}; before the first batch only. */
    public void setWatermarkListener(WatermarkListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (context.tracker().handedOver()) {
            throw new IllegalStateException("set the watermark listener before the first batch is handed over");
        }
        savePoints.listener(listener);
    }

    /** See {@code ChangeApplier.flush}; null if no batch was handed over. */
    public Position flush() throws InterruptedException {
        return context.tracker().awaitAllApplied();
    }

    public Optional<Position> watermark() {
        return context.tracker().watermark();
    }

    public long eventsApplied() {
        return context.applied().sum();
    }

    /** Writes left out under the SKIP or RECORD conflict policy. */
    public long conflicts() {
        return conflicts.count();
    }

    /** Bytes of batches handed over and not yet applied. */
    public long bytesInFlight() {
        return context.tracker().openBytes();
    }

    /**
     * Stops every thread, abandoning what is queued and not yet applied. Takes no new work, but
     * lets a command already sent to the target (a bulk write, a DDL command, a transaction)
     * finish, so that no write of this engine reaches the target after it returns: a new engine
     * replaying from the watermark must never be overtaken by an old write. Waits at most 10
     * seconds for that; a thread still busy then is interrupted, and its command, which the server
     * may still run, is logged. Idempotent.
     */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        context.tracker().close();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_MILLIS);
        for (Thread thread : threads) {
            join(thread, deadline);
        }
        threads.stream().filter(Thread::isAlive).forEach(this::abandon);
        LOG.info("{}: change applier closed after {} events, watermark {}", settings.jobName(), eventsApplied(),
            watermark().map(Position::toString).orElse("none"));
    }

    private void join(Thread thread, long deadline) {
        try {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void abandon(Thread thread) {
        LOG.warn("{}: thread {} did not finish its command within {} ms and is interrupted; the command may still"
            + " reach the target after the applier closed, so wait for the target to settle before replaying again",
            settings.jobName(), thread.getName(), CLOSE_MILLIS);
        thread.interrupt();
    }
}
