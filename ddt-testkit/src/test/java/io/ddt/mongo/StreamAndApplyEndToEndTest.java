package io.ddt.mongo;

import static io.ddt.testkit.assertions.DdtAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.ddt.ApplySettings;
import io.ddt.NamespaceFilter;
import io.ddt.Position;
import io.ddt.spi.ChangeApplier;
import io.ddt.spi.EventBatch;
import io.ddt.spi.EventStream;
import io.ddt.spi.OplogStreamer;
import io.ddt.testkit.FakeCluster;
import io.ddt.testkit.Workload;
import io.ddt.testkit.WorkloadHandle;

/**
 * The whole of issue 4 at once: a seeded random history (every write kind of {@link Workload},
 * DDL mid-stream, renames across databases, dropDatabase, transactions with and without
 * {@code partialTxn} chains) streamed in real time from one fake cluster to another through each
 * streamer kind and {@link MongoChangeApplier}, ending with equal clusters; and the same history
 * replayed with restarts from watermarks taken at random points, ending exact.
 */
class StreamAndApplyEndToEndTest {

    enum Kind { OPLOG, CHANGE_STREAM }

    private static final Duration WAIT = Duration.ofMillis(50);

    static Stream<Arguments> kindsAndSeeds() {
        return Stream.of(Kind.values()).flatMap(kind -> LongStream.rangeClosed(Long.getLong("e2e.from", 1), Long.getLong("e2e.to", 3)).boxed().map(seed -> Arguments.of(kind, seed)));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("kindsAndSeeds")
    void aRandomHistoryStreamedInRealTimeEndsWithEqualClusters(Kind kind, long seed) throws Exception {
        try (FakeCluster source = source(seed); FakeCluster target = FakeCluster.start()) {
            Position start = Position.of(source.lastOplogTimestamp());
            List<String> steps = new ArrayList<>();
            ExecutorService pump = Executors.newSingleThreadExecutor();
            try (EventStream stream = streamer(kind, source, 1000).open(start, null); ChangeApplier applier = applier(target)) {
                Future<?> following = pump.submit(() -> follow(stream, applier));
                steps.addAll(writeHistory(source, seed));
                Position end = Position.of(source.lastOplogTimestamp());
                awaitWatermark(applier, end, following);
                following.cancel(true);
            } finally {
                pump.shutdownNow();
                assertThat(pump.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            }
            assertSameContent(target, source, kind + ", seed " + seed, steps);
        }
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("kindsAndSeeds")
    void restartsFromWatermarksTakenAtRandomPointsEndExact(Kind kind, long seed) throws Exception {
        try (FakeCluster source = source(seed); FakeCluster target = FakeCluster.start()) {
            Position start = Position.of(source.lastOplogTimestamp());
            List<String> steps = writeHistory(source, seed);
            Position end = Position.of(source.lastOplogTimestamp());
            SplittableRandom random = new SplittableRandom(seed);
            Checkpoints checkpoints = new Checkpoints(start);
            int restarts = 0;
            boolean finished = false;
            while (!finished) {
                try (EventStream stream = streamer(kind, source, 100).open(checkpoints.latest(), end);
                     ChangeApplier applier = applier(target)) {
                    applier.setWatermarkListener(checkpoints::save);
                    int batchesBeforeCrash = 1 + random.nextInt(8);
                    EventBatch batch;
                    do {
                        batch = stream.next(WAIT);
                        applier.apply(batch);
                    } while (!batch.last() && --batchesBeforeCrash > 0);
                    finished = batch.last();
                    if (finished) {
                        applier.flush();
                    } else {
                        // A crash: whatever is queued is lost; a checkpoint holds the last watermark read, or
                        // a later one the applier made it save at a DDL.
                        Thread.sleep(random.nextInt(30));
                        applier.watermark().ifPresent(checkpoints::save);
                        restarts++;
                    }
                }
            }
            assertThat(restarts).as("crashes before the end").isGreaterThanOrEqualTo(3);
            assertSameContent(target, source, kind + ", seed " + seed + ", " + restarts + " restarts", steps);
        }
    }

    /** A checkpoint store as a Transfer would keep it: the latest of the watermarks it was given. */
    private static final class Checkpoints {
        private Position latest;

        Checkpoints(Position start) {
            this.latest = start;
        }

        synchronized void save(Position watermark) {
            if (watermark.compareTo(latest) > 0) {
                latest = watermark;
            }
        }

        synchronized Position latest() {
            return latest;
        }
    }

    /** Compares the clusters; the DDL steps, too long for a message, go to the test's output on failure. */
    private static void assertSameContent(FakeCluster target, FakeCluster source, String run, List<String> steps) {
        try {
            assertThat(target).as(run).hasSameContentAs(source);
        } catch (AssertionError e) {
            System.out.println(run + ", DDL and transaction steps:\n  " + String.join("\n  ", steps));
            throw e;
        }
    }

    private static FakeCluster source(long seed) {
        FakeCluster.Builder builder = FakeCluster.builder().noopInterval(Duration.ofMillis(200));
        if (seed % 2 == 0) {
            builder.transactionOperationsPerEntry(2);
        }
        return builder.start();
    }

    private static List<String> writeHistory(FakeCluster source, long seed) throws Exception {
        Workload workload = Workload.builder(source.client()).seed(seed).namespaces("app.users", "app.orders", "shop.items")
            .unlimitedRate().maxOperations(1500).initialDocuments(100).build();
        ExecutorService ddl = Executors.newSingleThreadExecutor();
        try (WorkloadHandle handle = workload.start()) {
            Future<List<String>> steps = ddl.submit(() -> new DdlAndTransactions(source.client(), seed).run(150));
            List<String> done = steps.get(2, TimeUnit.MINUTES);
            assertThat(handle.awaitOperations(1500, Duration.ofMinutes(2))).isTrue();
            assertThat(handle.failure()).isEmpty();
            return done;
        } finally {
            ddl.shutdownNow();
        }
    }

    private static OplogStreamer streamer(Kind kind, FakeCluster source, int batchEvents) {
        NamespaceFilter all = NamespaceFilter.all();
        return kind == Kind.OPLOG ? MongoOplogStreamer.builder(source.client()).filter(all).batchEvents(batchEvents).build()
            : ChangeStreamStreamer.builder(source.client()).filter(all).batchEvents(batchEvents).build();
    }

    private static ChangeApplier applier(FakeCluster target) {
        return MongoChangeApplier.builder(target.client()).settings(ApplySettings.builder().threads(4).build()).build();
    }

    private static Void follow(EventStream stream, ChangeApplier applier) throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            applier.apply(stream.next(WAIT));
        }
        return null;
    }

    private static void awaitWatermark(ChangeApplier applier, Position end, Future<?> following) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (applier.watermark().map(w -> w.compareTo(end) < 0).orElse(true)) {
            if (following.isDone()) {
                following.get();
            }
            assertThat(System.nanoTime()).as("the target caught up within 2 minutes").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
