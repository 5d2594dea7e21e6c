package io.ddt.mongo;

import static io.ddt.mongo.SourceWrites.collection;
import static io.ddt.mongo.SourceWrites.inTransaction;
import static io.ddt.mongo.SourceWrites.insert;
import static io.ddt.mongo.SourceWrites.mixedWrites;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bson.BsonTimestamp;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import io.ddt.HistoryLostException;
import io.ddt.NamespaceFilter;
import io.ddt.Position;
import io.ddt.spi.ChangeApplier;
import io.ddt.spi.EventBatch;
import io.ddt.spi.EventStream;
import io.ddt.spi.OplogStreamer;
import io.ddt.testkit.Cluster;
import io.ddt.testkit.FakeCluster;
import io.ddt.testkit.assertions.DdtAssertions;

/**
 * What both MongoDB streamers promise, shown on a fake source; each streamer's test class runs
 * these through its own builder.
 */
abstract class StreamerContract {

    @Cluster(noopIntervalMillis = 200)
    FakeCluster source;

    /** Builds the streamer under test. */
    abstract OplogStreamer streamer(MongoClient client, NamespaceFilter filter, int batchEvents);

    OplogStreamer streamer() {
        return streamer(source.client(), NamespaceFilter.all(), 1000);
    }

    static Position now(FakeCluster cluster) {
        return Position.of(cluster.lastOplogTimestamp());
    }

    @Test
    void everyWriteKindAndDdlArrivesInOrderWithItsNamespace() throws InterruptedException {
        Position start = now(source);
        MongoDatabase shop = source.client().getDatabase("shop");
        shop.createCollection("orders");
        MongoCollection<Document> orders = shop.getCollection("orders");
        orders.insertOne(new Document("_id", 1).append("a", 1));
        orders.updateOne(Filters.eq("_id", 1), Updates.set("a", 2));
        orders.replaceOne(Filters.eq("_id", 1), new Document("b", 3));
        orders.deleteOne(Filters.eq("_id", 1));
        orders.createIndex(Indexes.ascending("a"));
        orders.dropIndex("a_1");
        orders.insertOne(new Document("_id", 2));
        orders.renameCollection(new MongoNamespace("shop", "archive"));
        shop.getCollection("archive").drop();
        source.client().getDatabase("gone").getCollection("c").insertOne(new Document("_id", "x"));
        source.client().getDatabase("gone").drop();
        Position end = now(source);

        try (EventStream stream = streamer().open(start, end)) {
            StreamedEvents read = StreamedEvents.readToEnd(stream);
            assertThat(read.ended()).isTrue();
            assertThat(read.described()).containsExactly(
                "create shop.orders", "insert shop.orders 1", "update shop.orders 1", "replace shop.orders 1",
                "delete shop.orders 1", "createindexes shop.orders [a_1]", "dropindexes shop.orders [a_1]",
                "insert shop.orders 2", "rename shop.orders -> shop.archive", "drop shop.archive",
                "create gone.c", "insert gone.c 'x'", "drop gone.c", "dropdatabase gone");
            assertThat(read.lastPosition().clusterTime()).isEqualTo(end.clusterTime());
            assertThat(read.batches).allSatisfy(b -> assertThat(b.bytes() > 0).isEqualTo(!b.events().isEmpty()));
        }
    }

    @Test
    void theFilterHoldsOnTheServerAndAfterParsing() throws InterruptedException {
        Position start = now(source);
        MongoClient client = source.client();
        insert(client, "shop.orders", 1);
        insert(client, "shop.secret", 2);
        insert(client, "other.logs", 3);
        insert(client, "other.x", 4);
        inTransaction(client, session -> {
            insert(client, session, "shop.orders", 6);
            insert(client, session, "other.x", 7);
        });
        client.getDatabase("other").getCollection("x").renameCollection(new MongoNamespace("shop", "moved"));
        client.getDatabase("shop").getCollection("orders").renameCollection(new MongoNamespace("other", "out"));
        Position end = now(source);
        NamespaceFilter filter = NamespaceFilter.builder().include("shop.*").include("*.logs").exclude("shop.secret").build();

        try (EventStream stream = streamer(client, filter, 1000).open(start, end)) {
            assertThat(StreamedEvents.readToEnd(stream).described()).containsExactly(
                "create shop.orders", "insert shop.orders 1", "create other.logs", "insert other.logs 3",
                "txn[insert shop.orders 6]", "rename other.x -> shop.moved", "rename shop.orders -> other.out");
        }
    }

    @Test
    void aQuietSourceStillMovesThePosition() throws InterruptedException {
        Position start = now(source);
        try (EventStream stream = streamer().open(start, null)) {
            StreamedEvents read = StreamedEvents.read(stream, events -> false, Duration.ofSeconds(1));
            assertThat(read.events()).isEmpty();
            assertThat(read.lastPosition().clusterTime()).isGreaterThan(start.clusterTime());
            assertThat(read.batches).extracting(EventBatch::position).isSorted();
        }
    }

    @Test
    void anEndPositionStopsExactlyThereInclusive() throws InterruptedException {
        Position start = now(source);
        for (int i = 1; i <= 3; i++) {
            insert(source.client(), "shop.orders", i);
        }
        Position until = now(source);
        insert(source.client(), "shop.orders", 4);

        try (EventStream stream = streamer().open(start, until)) {
            StreamedEvents read = StreamedEvents.readToEnd(stream);
            assertThat(read.ended()).isTrue();
            assertThat(read.described()).containsExactly("create shop.orders", "insert shop.orders 1",
                "insert shop.orders 2", "insert shop.orders 3");
            assertThat(read.lastPosition().clusterTime()).isEqualTo(until.clusterTime());
            assertThat(stream.next(Duration.ofMillis(10)).last()).isTrue();
        }
    }

    @Test
    void anEndPositionAtTheNewestWriteEndsWithoutLaterWrites() throws InterruptedException {
        Position start = now(source);
        insert(source.client(), "shop.orders", 1);
        Position until = now(source);

        try (EventStream stream = streamer().open(start, until)) {
            StreamedEvents read = StreamedEvents.readToEnd(stream);
            assertThat(read.ended()).isTrue();
            assertThat(read.described()).containsExactly("create shop.orders", "insert shop.orders 1");
        }
    }

    @Test
    void anEndPositionOnAWriteOutsideTheFilterIsStillReached() throws InterruptedException {
        Position start = now(source);
        insert(source.client(), "shop.orders", 1);
        insert(source.client(), "other.x", 2);
        Position until = now(source);
        NamespaceFilter shop = NamespaceFilter.builder().include("shop.*").build();

        try (EventStream stream = streamer(source.client(), shop, 1000).open(start, until)) {
            StreamedEvents read = StreamedEvents.readToEnd(stream);
            assertThat(read.ended()).isTrue();
            assertThat(read.described()).containsExactly("create shop.orders", "insert shop.orders 1");
            assertThat(read.lastPosition().clusterTime()).isEqualTo(until.clusterTime());
        }
    }

    @Test
    void aRestartFromAnyBatchPositionLosesAndRepeatsNothing() throws InterruptedException {
        Position start = now(source);
        mixedWrites(source.client(), 150);
        inTransaction(source.client(), session -> {
            for (int i = 0; i < 5; i++) {
                insert(source.client(), session, "shop.t", i);
            }
        });
        source.client().getDatabase("shop").getCollection("b").drop();
        Position end = now(source);
        OplogStreamer streamer = streamer(source.client(), NamespaceFilter.all(), 7);
        List<String> uninterrupted;
        try (EventStream stream = streamer.open(start, end)) {
            uninterrupted = StreamedEvents.readToEnd(stream).described();
        }

        List<String> restarted = new ArrayList<>();
        Position at = start;
        boolean ended = false;
        while (!ended) {
            try (EventStream stream = streamer.open(at, end)) {
                EventBatch batch = stream.next(Duration.ofSeconds(2));
                restarted.addAll(StreamedEvents.describe(batch.events()));
                assertThat(batch.position()).isGreaterThanOrEqualTo(at);
                at = batch.position();
                ended = batch.last();
            }
        }
        assertThat(uninterrupted).hasSizeGreaterThan(80).contains("txn[insert shop.t 0, insert shop.t 1, insert shop.t 2,"
            + " insert shop.t 3, insert shop.t 4]");
        assertThat(restarted).isEqualTo(uninterrupted);
    }

    @Test
    void anUpdateReplayedOverALaterVersionOfItsDocumentKeepsTheSourcesFieldOrder(@Cluster FakeCluster target)
        throws InterruptedException {
        Position start = now(source);
        MongoCollection<Document> items = collection(source.client(), "shop.items");
        items.insertOne(new Document("_id", 1).append("label", "a").append("x", 1));
        Position inserted = now(source);
        items.updateOne(Filters.eq("_id", 1), Updates.unset("label"));
        // Both fields are new here; replayed over the end state, where status exists, an update
        // that does not say which fields it added keeps status in place and appends label after it.
        items.updateOne(Filters.eq("_id", 1), Updates.combine(Updates.set("label", "b"), Updates.set("status", "s")));
        Position end = now(source);
        replay(start, end, target);
        replay(inserted, end, target);
        DdtAssertions.assertThat(target).hasSameContentAs(source);
    }

    private void replay(Position from, Position end, FakeCluster target) throws InterruptedException {
        try (EventStream stream = streamer().open(from, end);
             ChangeApplier applier = MongoChangeApplier.builder(target.client()).build()) {
            EventBatch batch;
            do {
                batch = stream.next(Duration.ofMillis(50));
                applier.apply(batch);
            } while (!batch.last());
            applier.flush();
        }
    }

    @Test
    void aStartThatLeftTheOplogFailsSayingHowFarBehindAndWhatToDo() {
        Position start = now(source);
        insert(source.client(), "shop.orders", 1);
        BsonTimestamp later = source.lastOplogTimestamp();
        source.truncateOplogBefore(later);

        assertThatThrownBy(() -> streamer().open(start, null))
            .isInstanceOfSatisfying(HistoryLostException.class, e -> {
                assertThat(e.requestedClusterTime()).isEqualTo(start.clusterTime());
                assertThat(e.oldestAvailableClusterTime()).contains(later);
            })
            .hasMessageContaining("no longer holds the start position").hasMessageContaining("later")
            .hasMessageContaining("full copy");
    }

    @Test
    void historyLostWhileStreamingFailsTheStream() throws InterruptedException {
        Position start = now(source);
        for (int i = 1; i <= 10; i++) {
            insert(source.client(), "shop.orders", i);
        }
        try (EventStream stream = streamer(source.client(), NamespaceFilter.all(), 2).open(start, null)) {
            assertThat(stream.next(Duration.ofSeconds(1)).events()).isNotEmpty();
            insert(source.client(), "shop.orders", 11);
            source.truncateOplogBefore(source.lastOplogTimestamp());
            assertThatThrownBy(() -> StreamedEvents.read(stream, events -> false, Duration.ofSeconds(5)))
                .isInstanceOf(HistoryLostException.class).hasMessageContaining("full copy");
        }
    }

    @Test
    void transientErrorsAreRiddenThrough() throws InterruptedException {
        Position start = now(source);
        List<String> expected = new ArrayList<>(List.of("create shop.orders"));
        try (EventStream stream = streamer(source.client(), NamespaceFilter.all(), 3).open(start, null)) {
            List<String> read = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (int i = 0; i < 5; i++) {
                    insert(source.client(), "shop.orders", round * 10 + i);
                    expected.add("insert shop.orders " + (round * 10 + i));
                }
                read.addAll(StreamedEvents.describe(stream.next(Duration.ofSeconds(1)).events()));
                fault(round);
            }
            read.addAll(StreamedEvents.read(stream, events -> read.size() + events.size() >= expected.size(),
                Duration.ofSeconds(10)).described());
            assertThat(read).isEqualTo(expected);
        } finally {
            failPoint(new Document("mode", "off"));
        }
    }

    private void fault(int round) {
        switch (round) {
            case 0 -> source.dropConnections();
            case 1 -> failPoint(new Document("mode", new Document("times", 2))
                .append("data", new Document("failCommands", List.of("getMore")).append("closeConnection", true)));
            case 2 -> failPoint(new Document("mode", new Document("times", 2)).append("data",
                new Document("failCommands", List.of("getMore")).append("errorCode", 10107)));
            // What a restarted member answers: it forgot the cursor.
            case 3 -> failPoint(new Document("mode", new Document("times", 1)).append("data",
                new Document("failCommands", List.of("getMore")).append("errorCode", 43)));
            default -> failPoint(new Document("mode", new Document("times", 1)).append("data",
                new Document("failCommands", List.of("getMore", "find", "aggregate")).append("errorCode", 91)
                    .append("errorLabels", List.of("ResumableChangeStreamError", "RetryableReadError"))));
        }
    }

    @Test
    void closeFromAnotherThreadEndsAWaitingNextPromptly() throws Exception {
        EventStream stream = streamer().open(now(source), null);
        stream.next(Duration.ofMillis(10));
        CompletableFuture<EventBatch> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return stream.next(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        long closing = System.nanoTime();
        stream.close();
        EventBatch batch = waiting.get(5, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(1));
        assertThat(batch.events()).isEmpty();
        assertThat(stream.next(Duration.ofSeconds(30)).events()).isEmpty();
        stream.close();
    }

    @Test
    void anInterruptEndsAWaitingNext() throws Exception {
        try (EventStream stream = streamer().open(now(source), null)) {
            CompletableFuture<Throwable> waiting = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try {
                    stream.next(Duration.ofSeconds(30));
                    waiting.complete(null);
                } catch (Throwable e) {
                    waiting.complete(e);
                }
            }, "streamer-test-reader");
            reader.start();
            Thread.sleep(300);
            reader.interrupt();
            assertThat(waiting.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        }
    }

    @Test
    void batchesAreBoundedAndCountTheBytesRead() throws InterruptedException {
        Position start = now(source);
        MongoCollection<Document> orders = source.client().getDatabase("shop").getCollection("orders");
        for (int i = 0; i < 10; i++) {
            orders.insertOne(new Document("_id", i).append("pad", "x".repeat(1000)));
        }
        try (EventStream stream = streamer(source.client(), NamespaceFilter.all(), 4).open(start, now(source))) {
            StreamedEvents read = StreamedEvents.readToEnd(stream);
            assertThat(read.events()).hasSize(11);
            assertThat(read.batches).allSatisfy(b -> assertThat(b.events()).hasSizeLessThanOrEqualTo(4));
            long bytes = read.batches.stream().mapToLong(EventBatch::bytes).sum();
            assertThat(bytes).isBetween(10_000L, 10L * 1400 + 1000);
        }
    }

    @Test
    void aPartialTxnChainArrivesWholeAlsoAfterARestartInsideIt() throws InterruptedException {
        try (FakeCluster chained = FakeCluster.builder().transactionOperationsPerEntry(2)
                .noopInterval(Duration.ofMillis(200)).start()) {
            MongoClient client = chained.client();
            insert(client, "shop.orders", 0);
            Position start = now(chained);
            inTransaction(client, session -> {
                for (int i = 1; i <= 5; i++) {
                    insert(client, session, "shop.orders", i);
                }
            });
            insert(client, "shop.orders", 6);
            Position end = now(chained);
            String whole = "txn[insert shop.orders 1, insert shop.orders 2, insert shop.orders 3, insert shop.orders 4,"
                + " insert shop.orders 5]";
            OplogStreamer streamer = streamer(client, NamespaceFilter.all(), 1);
            try (EventStream stream = streamer.open(start, end)) {
                assertThat(StreamedEvents.readToEnd(stream).described()).containsExactly(whole, "insert shop.orders 6");
            }
            List<BsonTimestamp> chain = collection(client, "local.oplog.rs").find(Filters.eq("ns", "admin.$cmd"))
                .map(entry -> (BsonTimestamp) entry.get("ts")).into(new ArrayList<>());
            assertThat(chain).hasSize(3);
            Position insideChain = Position.of(chain.get(1));
            try (EventStream stream = streamer.open(insideChain, end)) {
                assertThat(StreamedEvents.readToEnd(stream).described()).containsExactly(whole, "insert shop.orders 6");
            }
        }
    }

    @Test
    void noBatchPositionPassesTheStartOfAnUnfinishedTransaction() throws InterruptedException {
        try (FakeCluster chained = FakeCluster.builder().transactionOperationsPerEntry(1).start()) {
            MongoClient client = chained.client();
            insert(client, "shop.orders", 0);
            Position start = now(chained);
            inTransaction(client, session -> {
                for (int i = 1; i <= 4; i++) {
                    insert(client, session, "shop.orders", i);
                }
            });
            BsonTimestamp firstPart = collection(client, "local.oplog.rs").find(Filters.eq("ns", "admin.$cmd")).first()
                .get("ts", BsonTimestamp.class);
            try (EventStream stream = streamer(client, NamespaceFilter.all(), 1).open(start, null)) {
                List<EventBatch> beforeCommit = new ArrayList<>();
                EventBatch batch = stream.next(Duration.ZERO);
                for (int i = 0; i < 50 && batch.events().isEmpty(); i++) {
                    beforeCommit.add(batch);
                    batch = stream.next(Duration.ZERO);
                }
                assertThat(StreamedEvents.describe(batch.events())).singleElement().asString().startsWith("txn[");
                assertThat(beforeCommit).isNotEmpty()
                    .allSatisfy(b -> assertThat(b.position().clusterTime()).isLessThan(firstPart));
            }
        }
    }

    private void failPoint(Document setting) {
        source.client().getDatabase("admin").runCommand(new Document("configureFailPoint", "failCommand").append("mode",
            setting.get("mode")).append("data", setting.get("data", new Document("failCommands", List.of("ping"))
                .append("errorCode", 1))));
    }
}
