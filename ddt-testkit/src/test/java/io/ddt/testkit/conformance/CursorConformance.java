package io.ddt.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.CursorType;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/** Batch sizes and oplog tailing as a real member serves them. */
abstract class CursorConformance extends ConformanceSupport {

    @Test
    void firstBatchHolds101DocumentsAndGetMoreTheRest() {
        MongoDatabase db = freshDatabase();
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            documents.add(doc("_id", i));
        }
        db.getCollection("c").insertMany(documents);
        Document first = db.runCommand(new Document("find", "c"));
        Document cursor = first.get("cursor", Document.class);
        assertThat(cursor.getList("firstBatch", Document.class)).hasSize(101);
        long id = cursor.getLong("id");
        assertThat(id).isNotZero();
        Document more = db.runCommand(new Document("getMore", id).append("collection", "c")).get("cursor", Document.class);
        assertThat(more.getList("nextBatch", Document.class)).hasSize(149);
        assertThat(more.getLong("id")).isZero();
    }

    @Test
    void tailingCursorReceivesNewEntriesWithin100Milliseconds() throws Exception {
        MongoCollection<Document> coll = freshDatabase().getCollection("c");
        coll.insertOne(doc("_id", -1));
        BsonTimestamp start = lastTs();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (MongoCursor<BsonDocument> cursor = oplog().find(Filters.and(Filters.gt("ts", start),
                Filters.eq("ns", coll.getNamespace().getFullName())))
            .cursorType(CursorType.TailableAwait).maxAwaitTime(5, TimeUnit.SECONDS).iterator()) {
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                Future<Long> received = reader.submit(() -> {
                    cursor.next();
                    return System.nanoTime();
                });
                Thread.sleep(150);
                long written = System.nanoTime();
                coll.insertOne(doc("_id", i));
                latencies.add(TimeUnit.NANOSECONDS.toMillis(received.get(5, TimeUnit.SECONDS) - written));
            }
            latencies.sort(null);
            // The median, so that one GC pause on a loaded machine does not decide; a polling
            // reader would show its poll interval in every sample.
            assertThat(latencies.get(3)).as("median latency in ms of %s", latencies).isLessThan(100);
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void idleTailingCursorWaitsInsteadOfPolling() {
        BsonTimestamp start = lastTs();
        long before = getMoreTotal();
        try (MongoCursor<BsonDocument> cursor = oplog().find(Filters.and(Filters.gt("ts", start), Filters.eq("ns", "nowhere.none")))
            .cursorType(CursorType.TailableAwait).maxAwaitTime(500, TimeUnit.MILLISECONDS).iterator()) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (System.nanoTime() < end) {
                assertThat(cursor.tryNext()).isNull();
            }
        }
        long getMores = getMoreTotal() - before;
        assertThat(getMores).as("getMores in 2 s with maxAwaitTime 500 ms").isBetween(2L, 6L);
    }

    @Test
    void latestOplogEntryIsFoundWithNaturalSort() {
        MongoCollection<Document> coll = freshDatabase().getCollection("c");
        coll.insertOne(doc("_id", "last"));
        BsonDocument newest = oplog().find().sort(new Document("$natural", -1)).limit(1).first();
        assertThat(newest.getDocument("o").getString("_id").getValue()).isEqualTo("last");
    }

    @Test
    void oplogReadsApplyTheirProjection() {
        MongoCollection<Document> coll = freshDatabase().getCollection("c");
        coll.insertOne(doc("_id", "projected"));
        BsonDocument newest = oplog().find().sort(new Document("$natural", -1))
            .projection(new Document("ts", 1)).limit(1).first();
        assertThat(newest.keySet()).containsExactly("ts");
    }

    private long getMoreTotal() {
        Document status = client().getDatabase("admin").runCommand(new Document("serverStatus", 1));
        Object total = status.get("metrics", Document.class).get("commands", Document.class)
            .get("getMore", Document.class).get("total");
        return ((Number) total).longValue();
    }
}
