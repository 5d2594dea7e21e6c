package io.ddt.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.Document;

import com.mongodb.CursorType;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import io.ddt.testkit.FakeCluster;

/**
 * How fast the fake cluster takes writes and serves its oplog, for planning tests and demos.
 * Not a test: run it with
 * {@code mvn -q -pl ddt-examples -am compile exec:java -Dexec.mainClass=io.ddt.examples.bench.FakeClusterThroughput}.
 */
public final class FakeClusterThroughput {

    private FakeClusterThroughput() {
    }

    public static void main(String[] args) {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        try (FakeCluster cluster = FakeCluster.start()) {
            MongoCollection<Document> coll = cluster.client().getDatabase("bench").getCollection("docs");
            String pad = "x".repeat(900);
            BsonTimestamp start = cluster.lastOplogTimestamp();
            long t0 = System.nanoTime();
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < documents; i++) {
                batch.add(new Document("_id", i).append("n", i).append("pad", pad));
                if (batch.size() == 1000) {
                    coll.insertMany(batch);
                    batch.clear();
                }
            }
            report("insertMany (1 KB documents, batches of 1000)", documents, t0);
            int updates = Math.min(documents, 10_000);
            t0 = System.nanoTime();
            for (int i = 0; i < updates; i++) {
                coll.updateOne(Filters.eq("_id", i), Updates.inc("n", 1));
            }
            report("updateOne $inc by _id", updates, t0);
            t0 = System.nanoTime();
            long read = 0;
            for (Document ignored : coll.find().batchSize(1000)) {
                read++;
            }
            report("find scan", read, t0);
            t0 = System.nanoTime();
            long entries = 0;
            try (MongoCursor<BsonDocument> cursor = cluster.client().getDatabase("local").getCollection("oplog.rs", BsonDocument.class)
                .find(Filters.gt("ts", start)).cursorType(CursorType.TailableAwait).maxAwaitTime(100, TimeUnit.MILLISECONDS)
                .batchSize(1000).iterator()) {
                while (cursor.tryNext() != null) {
                    entries++;
                }
            }
            report("oplog tail (tailable awaitData)", entries, t0);
        }
    }

    private static void report(String what, long count, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("%-48s %,9d in %6.2f s = %,9.0f /s%n", what, count, seconds, count / seconds);
    }
}
