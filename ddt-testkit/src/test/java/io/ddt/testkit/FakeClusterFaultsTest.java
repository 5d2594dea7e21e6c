package io.ddt.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.CursorType;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;

/** The fake's own fault injection: restart with data kept, dropped connections, a rolled-over oplog. */
class FakeClusterFaultsTest {

    @Test
    void restartKeepsDataAndOplogAndClientsReconnect() {
        try (FakeCluster cluster = FakeCluster.start()) {
            MongoCollection<Document> coll = cluster.client().getDatabase("d").getCollection("c");
            coll.insertOne(new Document("_id", 1));
            int port = cluster.port();
            long entries = oplog(cluster).countDocuments();
            cluster.stop();
            assertThat(cluster.isRunning()).isFalse();
            cluster.restart();
            assertThat(cluster.port()).isEqualTo(port);
            coll.insertOne(new Document("_id", 2));
            assertThat(coll.find().into(new ArrayList<>())).hasSize(2);
            assertThat(oplog(cluster).countDocuments()).isEqualTo(entries + 1);
        }
    }

    @Test
    void tailingResumesFromTheLastSeenEntryAfterRestart() {
        try (FakeCluster cluster = FakeCluster.start()) {
            MongoCollection<Document> coll = cluster.client().getDatabase("d").getCollection("c");
            coll.insertOne(new Document("_id", 1));
            BsonTimestamp seen = cluster.lastOplogTimestamp();
            cluster.stop();
            cluster.restart();
            coll.insertOne(new Document("_id", 2));
            try (MongoCursor<BsonDocument> cursor = oplog(cluster).find(Filters.gt("ts", seen))
                .cursorType(CursorType.TailableAwait).maxAwaitTime(200, TimeUnit.MILLISECONDS).iterator()) {
                assertThat(cursor.next().getDocument("o")).isEqualTo(BsonDocument.parse("{_id: 2}"));
            }
        }
    }

    @Test
    void droppedConnectionsFailInFlightCallsAndNewOnesWork() throws Exception {
        try (FakeCluster cluster = FakeCluster.start()) {
            MongoCollection<Document> coll = cluster.client().getDatabase("d").getCollection("c");
            coll.insertOne(new Document("_id", 1));
            BsonTimestamp start = cluster.lastOplogTimestamp();
            Thread dropper = new Thread(() -> {
                sleep(300);
                cluster.dropConnections();
            });
            dropper.start();
            try (MongoCursor<BsonDocument> cursor = oplog(cluster).find(Filters.gt("ts", start))
                .cursorType(CursorType.TailableAwait).maxAwaitTime(5, TimeUnit.SECONDS).iterator()) {
                assertThatThrownBy(cursor::next).isInstanceOf(MongoException.class);
            }
            dropper.join();
            assertThat(coll.countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void truncatedOplogIsReportedToReadersThatFellBehind() {
        try (FakeCluster cluster = FakeCluster.start()) {
            MongoCollection<Document> coll = cluster.client().getDatabase("d").getCollection("c");
            coll.insertOne(new Document("_id", 1));
            BsonTimestamp old = cluster.lastOplogTimestamp();
            coll.insertOne(new Document("_id", 2));
            cluster.truncateOplogBefore(cluster.lastOplogTimestamp());
            assertThat(oplog(cluster).find(Filters.lte("ts", old)).first()).isNull();
            assertThatThrownBy(() -> coll.watch().startAtOperationTime(old).cursor().tryNext())
                .isInstanceOf(MongoCommandException.class)
                .satisfies(e -> assertThat(((MongoCommandException) e).getErrorCodeName()).isEqualTo("ChangeStreamHistoryLost"));
        }
    }

    @Test
    void oplogIsCappedBySize() {
        try (FakeCluster cluster = FakeCluster.builder().oplogSizeBytes(64 * 1024).start()) {
            MongoCollection<Document> coll = cluster.client().getDatabase("d").getCollection("c");
            for (int i = 0; i < 500; i++) {
                coll.insertOne(new Document("_id", i).append("pad", "x".repeat(500)));
            }
            long count = oplog(cluster).countDocuments();
            assertThat(count).isBetween(50L, 130L);
            assertThat(oplog(cluster).find().first().getDocument("o").getInt32("_id").getValue()).isGreaterThan(300);
        }
    }

    @Test
    void idleMemberWritesPeriodicNoops() throws InterruptedException {
        try (FakeCluster cluster = FakeCluster.builder().noopInterval(Duration.ofMillis(100)).start()) {
            Thread.sleep(600);
            List<BsonDocument> noops = oplog(cluster).find(Filters.eq("o.msg", "periodic noop")).into(new ArrayList<>());
            assertThat(noops).hasSizeBetween(2, 7);
            assertThat(noops.get(0).getDocument("o")).isEqualTo(BsonDocument.parse("{msg: 'periodic noop'}"));
            assertThat(noops.get(0).getString("ns").getValue()).isEmpty();
        }
    }

    @Test
    void seekingByTsDoesNotScanTheWholeOplog() {
        try (FakeCluster cluster = FakeCluster.start()) {
            MongoCollection<Document> coll = cluster.client().getDatabase("d").getCollection("c");
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                batch.add(new Document("_id", i));
            }
            coll.insertMany(batch);
            BsonTimestamp last = cluster.lastOplogTimestamp();
            oplog(cluster).find(Filters.gte("ts", last)).first();
            long start = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                assertThat(oplog(cluster).find(Filters.gte("ts", last)).first()).isNotNull();
            }
            long perSeekMicros = (System.nanoTime() - start) / 50 / 1000;
            assertThat(perSeekMicros).as("microseconds per seek over 20,000 entries").isLessThan(20_000);
        }
    }

    @Test
    void aRetriedRetryableWriteIsAppliedOnce() {
        try (FakeCluster cluster = FakeCluster.start();
             com.mongodb.client.MongoClient impatient = com.mongodb.client.MongoClients.create(
                 com.mongodb.MongoClientSettings.builder().applyConnectionString(new com.mongodb.ConnectionString(
                     cluster.connectionString())).applyToSocketSettings(b -> b.readTimeout(300, TimeUnit.MILLISECONDS)).build())) {
            MongoCollection<Document> coll = impatient.getDatabase("d").getCollection("c");
            coll.insertOne(new Document("_id", 1).append("n", 0));
            BsonTimestamp start = cluster.lastOplogTimestamp();
            cluster.client().getDatabase("admin").runCommand(new Document("configureFailPoint", "failCommand")
                .append("mode", new Document("times", 1)).append("data", new Document("failCommands", List.of("update"))
                    .append("blockConnection", true).append("blockTimeMS", 800)));
            coll.updateOne(Filters.eq("_id", 1), com.mongodb.client.model.Updates.inc("n", 1));
            sleep(1000);
            assertThat(coll.find().first().getInteger("n")).isEqualTo(1);
            assertThat(oplog(cluster).countDocuments(Filters.and(Filters.gt("ts", start), Filters.eq("op", "u")))).isEqualTo(1);
        }
    }

    @Test
    void stopReleasesAWaitingTailingCursorAtOnce() throws Exception {
        try (FakeCluster cluster = FakeCluster.start()) {
            cluster.client().getDatabase("d").getCollection("c").insertOne(new Document("_id", 1));
            BsonTimestamp start = cluster.lastOplogTimestamp();
            Thread reader = new Thread(() -> {
                try (MongoCursor<BsonDocument> cursor = oplog(cluster).find(Filters.gt("ts", start))
                    .cursorType(CursorType.TailableAwait).maxAwaitTime(10, TimeUnit.SECONDS).iterator()) {
                    cursor.tryNext();
                } catch (MongoException expected) {
                    // the connection goes away with the server
                }
            });
            reader.start();
            sleep(300);
            long before = System.nanoTime();
            cluster.stop();
            assertThat((System.nanoTime() - before) / 1_000_000).as("ms to stop").isLessThan(1000);
            reader.join(5000);
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().contains("-conn-") && t.isAlive()
                && t.getName().startsWith("ddt-fake-" + "rs0"));
        }
    }

    @Test
    void filteredTailingCursorWhosePositionWasTrimmedFailsWithCappedPositionLost() {
        try (FakeCluster cluster = FakeCluster.builder().oplogSizeBytes(32 * 1024).start()) {
            MongoCollection<Document> coll = cluster.client().getDatabase("d").getCollection("c");
            coll.insertOne(new Document("_id", 0));
            BsonTimestamp start = cluster.lastOplogTimestamp();
            try (MongoCursor<BsonDocument> cursor = oplog(cluster).find(Filters.and(Filters.gt("ts", start), Filters.eq("ns", "d.quiet")))
                .cursorType(CursorType.TailableAwait).maxAwaitTime(100, TimeUnit.MILLISECONDS).iterator()) {
                coll.insertOne(new Document("_id", 1));
                assertThat(cursor.tryNext()).isNull();
                for (int i = 2; i < 400; i++) {
                    coll.insertOne(new Document("_id", i).append("pad", "x".repeat(200)));
                }
                assertThatThrownBy(cursor::tryNext).isInstanceOf(MongoException.class).hasMessageContaining("CappedPositionLost");
            }
        }
    }

    @Test
    void startingOnAPortInUseSaysSo() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> FakeCluster.builder().port(taken.getLocalPort()).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already in use")
                .hasMessageContaining(String.valueOf(taken.getLocalPort()));
        }
    }

    private static MongoCollection<BsonDocument> oplog(FakeCluster cluster) {
        return cluster.client().getDatabase("local").getCollection("oplog.rs", BsonDocument.class);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
