package io.ddt.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoNamespace;
import com.mongodb.client.ChangeStreamIterable;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocument;

/** Change streams on a collection, a database and the cluster, with the real event shapes. */
abstract class ChangeStreamConformance extends ConformanceSupport {

    static List<BsonDocument> rawEvents(MongoCollection<Document> coll, List<? extends org.bson.conversions.Bson> pipeline,
                                        BsonDocument resumeAfter, int count, Runnable writes) {
        ChangeStreamIterable<BsonDocument> stream = coll.withDocumentClass(BsonDocument.class).watch(pipeline, BsonDocument.class);
        return collect(resumeAfter == null ? stream : stream.resumeAfter(resumeAfter), count, writes);
    }

    static List<BsonDocument> collect(ChangeStreamIterable<?> stream, int count, Runnable writes) {
        List<BsonDocument> events = new ArrayList<>();
        try (MongoCursor<BsonDocument> cursor = stream.maxAwaitTime(200, TimeUnit.MILLISECONDS)
            .withDocumentClass(BsonDocument.class).cursor()) {
            writes.run();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (events.size() < count && System.nanoTime() < deadline) {
                BsonDocument event = cursor.tryNext();
                if (event != null) {
                    events.add(event);
                }
            }
        }
        return events;
    }

    @Test
    void collectionStreamShowsCrudEventsWithTheirRealShapes() {
        MongoCollection<Document> coll = freshDatabase().getCollection("c");
        coll.insertOne(doc("_id", 0));
        List<BsonDocument> events = rawEvents(coll, List.of(), null, 4, () -> {
            coll.insertOne(doc("_id", 1, "a", 1, "arr", List.of(1, 2, 3)));
            coll.updateOne(Filters.eq("_id", 1), Updates.combine(Updates.set("b", 2), Updates.unset("a"), Updates.popLast("arr")));
            coll.replaceOne(Filters.eq("_id", 1), doc("r", true));
            coll.deleteOne(Filters.eq("_id", 1));
        });
        assertThat(events).extracting(e -> e.getString("operationType").getValue())
            .containsExactly("insert", "update", "replace", "delete");
        BsonDocument insert = events.get(0);
        assertThat(insert.keySet()).containsExactly("_id", "operationType", "clusterTime", "wallTime", "fullDocument", "ns", "documentKey");
        assertThat(insert.getDocument("ns")).isEqualTo(new BsonDocument("db", new org.bson.BsonString(coll.getNamespace().getDatabaseName()))
            .append("coll", new org.bson.BsonString("c")));
        assertThat(insert.getDocument("documentKey")).isEqualTo(BsonDocument.parse("{_id: 1}"));
        BsonDocument update = events.get(1).getDocument("updateDescription");
        assertThat(update.getDocument("updatedFields")).isEqualTo(BsonDocument.parse("{b: 2}"));
        assertThat(update.getArray("removedFields")).containsExactly(new org.bson.BsonString("a"));
        assertThat(update.getArray("truncatedArrays").get(0).asDocument()).isEqualTo(BsonDocument.parse("{field: 'arr', newSize: 2}"));
        assertThat(events.get(2).getDocument("fullDocument")).isEqualTo(BsonDocument.parse("{_id: 1, r: true}"));
        assertThat(events.get(3)).doesNotContainKey("fullDocument");
    }

    @Test
    void updateLookupAddsTheCurrentDocument() {
        MongoCollection<Document> coll = freshDatabase().getCollection("c");
        coll.insertOne(doc("_id", 1, "n", 1));
        List<BsonDocument> events = collect(coll.watch(BsonDocument.class).fullDocument(FullDocument.UPDATE_LOOKUP), 1,
            () -> coll.updateOne(Filters.eq("_id", 1), Updates.inc("n", 1)));
        assertThat(events.get(0).getDocument("fullDocument")).isEqualTo(BsonDocument.parse("{_id: 1, n: 2}"));
    }

    @Test
    void dropAndRenameInvalidateACollectionStream() {
        MongoDatabase db = freshDatabase();
        MongoCollection<Document> a = db.getCollection("a");
        MongoCollection<Document> b = db.getCollection("b");
        a.insertOne(doc("_id", 1));
        b.insertOne(doc("_id", 1));
        List<BsonDocument> dropped = rawEvents(a, List.of(), null, 2, a::drop);
        assertThat(dropped).extracting(e -> e.getString("operationType").getValue()).containsExactly("drop", "invalidate");
        List<BsonDocument> renamed = rawEvents(b, List.of(), null, 2, () -> b.renameCollection(new MongoNamespace(db.getName(), "b2")));
        assertThat(renamed).extracting(e -> e.getString("operationType").getValue()).containsExactly("rename", "invalidate");
        assertThat(renamed.get(0).getDocument("to").getString("coll").getValue()).isEqualTo("b2");
    }

    @Test
    void databaseStreamSeesEveryCollectionAndDropDatabase() {
        MongoDatabase db = freshDatabase();
        db.getCollection("x").insertOne(doc("_id", 0));
        List<BsonDocument> events = collect(db.watch(BsonDocument.class), 6, () -> {
            db.getCollection("x").insertOne(doc("_id", 1));
            db.getCollection("y").insertOne(doc("_id", 1));
            db.drop();
        });
        assertThat(events).extracting(e -> e.getString("operationType").getValue())
            .containsExactly("insert", "insert", "drop", "drop", "dropDatabase", "invalidate");
    }

    @Test
    void clusterStreamSeesEveryDatabase() {
        MongoDatabase one = freshDatabase();
        MongoDatabase two = freshDatabase();
        List<BsonDocument> events = collect(client().watch(BsonDocument.class), 2, () -> {
                one.getCollection("c").insertOne(doc("_id", 1));
                two.getCollection("c").insertOne(doc("_id", 2));
            });
        assertThat(events).extracting(e -> e.getDocument("ns").getString("db").getValue())
            .containsSubsequence(one.getName(), two.getName());
    }

    @Test
    void streamsResumeAfterATokenAndFromAnOperationTime() {
        MongoCollection<Document> coll = freshDatabase().getCollection("c");
        coll.insertOne(doc("_id", 0));
        BsonTimestamp before = lastTs();
        List<BsonDocument> first = rawEvents(coll, List.of(), null, 3, () -> {
            for (int i = 1; i <= 3; i++) {
                coll.insertOne(doc("_id", i));
            }
        });
        List<BsonDocument> resumed = rawEvents(coll, List.of(), first.get(0).getDocument("_id"), 2, () -> { });
        assertThat(resumed).extracting(e -> e.getDocument("documentKey").get("_id").asInt32().getValue()).containsExactly(2, 3);
        List<BsonDocument> fromTime = collect(coll.withDocumentClass(BsonDocument.class).watch(BsonDocument.class)
            .startAtOperationTime(new BsonTimestamp(before.getValue() + 1)), 3, () -> { });
        assertThat(fromTime).extracting(e -> e.getDocument("documentKey").get("_id").asInt32().getValue()).containsExactly(1, 2, 3);
    }

    @Test
    void expandedEventsShowCreateIndexesAndModify() {
        MongoDatabase db = freshDatabase();
        List<BsonDocument> events = collect(db.watch(BsonDocument.class).showExpandedEvents(true), 4, () -> {
            db.createCollection("c");
            db.getCollection("c").createIndex(Indexes.ascending("a"));
            db.runCommand(new Document("collMod", "c").append("validator", new Document("a", new Document("$exists", true))));
            db.getCollection("c").dropIndex("a_1");
        });
        assertThat(events).extracting(e -> e.getString("operationType").getValue())
            .containsExactly("create", "createIndexes", "modify", "dropIndexes");
        assertThat(events.get(1).getDocument("operationDescription").getArray("indexes").get(0).asDocument().getString("name")
            .getValue()).isEqualTo("a_1");
    }

    @Test
    void idleStreamAdvancesItsResumeTokenPastFilteredWrites() {
        MongoDatabase db = freshDatabase();
        MongoCollection<Document> watched = db.getCollection("watched");
        watched.insertOne(doc("_id", 0));
        try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor = watched.watch()
            .maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
            assertThat(cursor.tryNext()).isNull();
            BsonDocument before = cursor.getResumeToken();
            db.getCollection("other").insertOne(doc("_id", 1));
            assertThat(cursor.tryNext()).isNull();
            assertThat(cursor.tryNext()).isNull();
            BsonDocument after = cursor.getResumeToken();
            assertThat(after).isNotNull().isNotEqualTo(before);
            assertThat(after.getString("_data").getValue()).isGreaterThan(before.getString("_data").getValue());
        }
    }
}
