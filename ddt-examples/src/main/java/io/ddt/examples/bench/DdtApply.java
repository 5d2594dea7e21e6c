package io.ddt.examples.bench;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.MongoClient;

import io.ddt.ApplySettings;
import io.ddt.NamespaceFilter;
import io.ddt.Position;
import io.ddt.event.ChangeEvent;
import io.ddt.event.DocumentChange;
import io.ddt.mongo.ChangeStreamStreamer;
import io.ddt.mongo.MongoChangeApplier;
import io.ddt.mongo.MongoOplogStreamer;
import io.ddt.spi.ChangeApplier;
import io.ddt.spi.EventBatch;
import io.ddt.spi.EventStream;
import io.ddt.spi.OplogStreamer;

/**
 * ddt's part of {@code apply}: an {@link OplogStreamer} (the oplog tail, or change streams) and
 * a {@link MongoChangeApplier} between the source and the target, as a host application composes
 * them. One thread streams and hands over; the applier runs its own workers.
 */
final class DdtApply {

    private static final Duration WAIT = Duration.ofMillis(100);

    private final MongoClient source;
    private final MongoClient target;
    private final boolean changeStreams;
    private final int threads;

    DdtApply(MongoClient source, MongoClient target, boolean changeStreams, int threads) {
        this.source = source;
        this.target = target;
        this.changeStreams = changeStreams;
        this.threads = threads;
    }

    /** Applies every event after {@code after} up to {@code until}; returns the document events applied. */
    long replay(Position after, Position until) throws InterruptedException {
        long events = 0;
        try (EventStream stream = streamer().open(after, until); ChangeApplier applier = applier()) {
            EventBatch batch;
            do {
                batch = stream.next(WAIT);
                events += documentEvents(batch);
                applier.apply(batch);
            } while (!batch.last());
            applier.flush();
        }
        return events;
    }

    /**
     * Streams from {@code after} while {@code workload} writes to the source, recording the lag,
     * until the workload has ended and the target has caught up with the source's newest entry.
     */
    void follow(Position after, Future<?> workload, LagRecorder lag, Duration catchUpTimeout) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService watcher = Executors.newSingleThreadExecutor(r -> new Thread(r, "apply-lag-watcher"));
        try (EventStream stream = streamer().open(after, null); ChangeApplier applier = applier()) {
            Future<?> watching = watcher.submit(() -> watch(applier, lag, done));
            Position end = null;
            long deadline = Long.MAX_VALUE;
            while (end == null || !caughtUp(applier, end)) {
                EventBatch batch = stream.next(WAIT);
                lag.handedOver(batch);
                applier.apply(batch);
                if (end == null && workload.isDone()) {
                    workload.get();
                    end = SourceClock.newest(source);
                    deadline = System.nanoTime() + catchUpTimeout.toNanos();
                }
                if (System.nanoTime() > deadline) {
                    throw new BenchmarkException("the target did not catch up within " + catchUpTimeout);
                }
            }
            applier.flush();
            done.set(true);
            watching.get();
        } finally {
            done.set(true);
            watcher.shutdownNow();
            watcher.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static boolean caughtUp(ChangeApplier applier, Position end) {
        return applier.watermark().map(w -> w.compareTo(end) >= 0).orElse(false);
    }

    private static Void watch(ChangeApplier applier, LagRecorder lag, AtomicBoolean done) throws InterruptedException {
        while (!done.get()) {
            lag.poll(applier::watermark);
            Thread.sleep(2);
        }
        lag.poll(applier::watermark);
        return null;
    }

    private OplogStreamer streamer() {
        NamespaceFilter filter = NamespaceFilter.builder().include(ApplyPlan.DATABASE + ".*").build();
        return changeStreams ? ChangeStreamStreamer.builder(source).filter(filter).build()
            : MongoOplogStreamer.builder(source).filter(filter).build();
    }

    private ChangeApplier applier() {
        return MongoChangeApplier.builder(target).settings(ApplySettings.builder().jobName("bench").threads(threads).build())
            .build();
    }

    private static long documentEvents(EventBatch batch) {
        long count = 0;
        for (ChangeEvent event : batch.events()) {
            if (event instanceof DocumentChange) {
                count++;
            }
        }
        return count;
    }
}
