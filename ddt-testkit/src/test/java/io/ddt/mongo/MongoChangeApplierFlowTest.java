package io.ddt.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import io.ddt.ApplySettings;
import io.ddt.DdtException;
import io.ddt.Namespace;
import io.ddt.Position;
import io.ddt.event.ChangeEvent;
import io.ddt.spi.EventBatch;
import io.ddt.testkit.Cluster;
import io.ddt.testkit.Clusters;
import io.ddt.testkit.FakeCluster;

/** The applier's flow on a fake target: delay, back-pressure, watermark, failures, transient errors, close. */
@Clusters
class MongoChangeApplierFlowTest {

    static final Namespace LOGS = Namespace.of("app", "logs");

    @Cluster
    FakeCluster target;

    final ChangeScript script = new ChangeScript();

    MongoCollection<BsonDocument> logs() {
        return target.client().getDatabase(LOGS.database()).getCollection(LOGS.collection(), BsonDocument.class);
    }

    MongoChangeApplier applier(ApplySettings.Builder settings) {
        return MongoChangeApplier.builder(target.client()).settings(settings.jobName("flow").build()).build();
    }

    ChangeEvent insert(int id) {
        return script.insert(LOGS, new BsonDocument("_id", new BsonInt32(id)).append("pad", new BsonString("x".repeat(500))));
    }

    static List<String> applierThreads() {
        List<String> names = new ArrayList<>();
        Thread.getAllStackTraces().keySet().forEach(t -> {
            if (t.getName().startsWith("ddt-flow-apply")) {
                names.add(t.getName());
            }
        });
        return names;
    }

    @Test
    void holdsEachEventUntilItsWallTimePlusTheDelay() throws InterruptedException {
        try (MongoChangeApplier applier = applier(ApplySettings.builder().delay(Duration.ofMillis(800)))) {
            long start = System.nanoTime();
            applier.apply(script.batch(insert(1)));
            Thread.sleep(400);
            assertThat(logs().countDocuments()).isZero();
            assertThat(applier.watermark()).isEmpty();
            applier.flush();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(millis).isBetween(780L, 3_000L);
        }
        assertThat(logs().countDocuments()).isEqualTo(1);
    }

    @Test
    void blocksTheCallerWhileTheBytesInFlightExceedTheBudget() throws Exception {
        List<EventBatch> batches = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            batches.add(script.batch(insert(2 * i), insert(2 * i + 1)));
        }
        long batchBytes = batches.get(0).bytes();
        try (MongoChangeApplier applier = applier(ApplySettings.builder().maxBytesInFlight(2 * batchBytes + 10)
            .delay(Duration.ofMillis(300)))) {
            AtomicLong peak = new AtomicLong();
            CompletableFuture<Void> caller = CompletableFuture.runAsync(() -> {
                try {
                    for (EventBatch batch : batches) {
                        applier.apply(batch);
                        peak.accumulateAndGet(applier.bytesInFlight(), Math::max);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Thread.sleep(150);
            assertThat(caller).isNotDone();
            assertThat(applier.bytesInFlight()).isEqualTo(2 * batchBytes);
            caller.get(10, TimeUnit.SECONDS);
            applier.flush();
            assertThat(peak.get()).isLessThanOrEqualTo(2 * batchBytes + 10);
        }
        assertThat(logs().countDocuments()).isEqualTo(12);
    }

    @Test
    void neverReportsAWatermarkPastAnEventNotOnTheTarget() throws Exception {
        List<EventBatch> batches = new ArrayList<>();
        List<Position> lastIdAt = new ArrayList<>();
        Random random = new Random(3);
        int id = 0;
        for (int b = 0; b < 150; b++) {
            List<ChangeEvent> events = new ArrayList<>();
            int size = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(60);
            for (int i = 0; i < size; i++) {
                events.add(insert(id++));
                lastIdAt.add(events.get(i).position());
            }
            batches.add(script.batch(events));
        }
        AtomicBoolean done = new AtomicBoolean();
        // the first writes wait, so that later batches are done before earlier ones
        FailCommand.slowDown(target, "update", 3, 300);
        try (MongoChangeApplier applier = applier(ApplySettings.builder().threads(4).batchDocuments(16))) {
            CompletableFuture<Integer> checker = CompletableFuture.supplyAsync(() -> {
                int checks = 0;
                while (!done.get()) {
                    checks += checkWatermark(applier.watermark(), lastIdAt) ? 1 : 0;
                }
                return checks;
            });
            for (EventBatch batch : batches) {
                applier.apply(batch);
                if (random.nextInt(10) == 0) {
                    Thread.sleep(5);
                }
            }
            applier.flush();
            done.set(true);
            assertThat(checker.get(10, TimeUnit.SECONDS)).isGreaterThan(5);
            assertThat(checkWatermark(applier.watermark(), lastIdAt)).isTrue();
        }
        assertThat(logs().countDocuments()).isEqualTo(id);
    }

    /** Checks that every insert at or before the watermark is on the target; false if there is no watermark yet. */
    boolean checkWatermark(Optional<Position> watermark, List<Position> positionOfId) {
        if (watermark.isEmpty()) {
            return false;
        }
        int covered = 0;
        while (covered < positionOfId.size() && positionOfId.get(covered).compareTo(watermark.get()) <= 0) {
            covered++;
        }
        assertThat(logs().countDocuments(Filters.lt("_id", covered))).as("inserts at or before %s", watermark.get())
            .isEqualTo(covered);
        return covered > 0;
    }

    @Test
    void aFailedWriteStopsEveryLaterWriteAndFailsTheNextCalls() throws InterruptedException {
        FailCommand.next(target, "update", 1, new BsonDocument("errorCode", new BsonInt32(2)));
        try (MongoChangeApplier applier = applier(ApplySettings.builder().threads(1))) {
            applier.apply(script.batch(insert(1), insert(2)));
            assertThatThrownBy(applier::flush).isInstanceOf(DdtException.class).hasMessageContaining("error 2")
                .hasRootCauseInstanceOf(MongoCommandException.class);
            assertThatThrownBy(() -> applier.apply(script.batch(insert(3)))).isInstanceOf(DdtException.class);
            assertThat(applier.watermark()).isEmpty();
            Thread.sleep(300);
            assertThat(applierThreads()).isEmpty();
        }
        assertThat(logs().countDocuments()).isZero();
    }

    @Test
    void retriesTransientErrorsUntilTheWriteGoesThrough() throws InterruptedException {
        FailCommand.next(target, "update", 3, new BsonDocument("closeConnection", BsonBoolean.TRUE));
        try (MongoChangeApplier applier = applier(ApplySettings.builder().threads(1))) {
            applier.apply(script.batch(insert(1), insert(2)));
            applier.flush();
        }
        assertThat(logs().countDocuments()).isEqualTo(2);
    }

    @Test
    void closeStopsEveryThreadPromptlyAndTwiceIsHarmless() throws InterruptedException {
        MongoChangeApplier applier = applier(ApplySettings.builder().threads(3).delay(Duration.ofHours(1)));
        applier.apply(script.batch(insert(1)));
        assertThat(applierThreads()).hasSize(4).contains("ddt-flow-apply-1", "ddt-flow-apply-3", "ddt-flow-apply-dispatch-1");
        long start = System.nanoTime();
        applier.close();
        applier.close();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_000);
        assertThat(applierThreads()).isEmpty();
        assertThatThrownBy(() -> applier.apply(script.batch(insert(2)))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(applier::flush).isInstanceOf(IllegalStateException.class);
        assertThat(logs().countDocuments()).isZero();
    }
}
