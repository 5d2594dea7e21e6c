package io.ddt.examples.bench;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * The insert loops of {@code fake-insert}, run both in the harness JVM and, through
 * {@link #main}, in a small child JVM whose peak heap is measured. Documents are about 1 KB:
 * an int {@code _id}, an int and a 990-character string.
 */
public final class InsertLoop {

    private static final String PAD = "x".repeat(990);

    private InsertLoop() {
    }

    /**
     * The child side: {@code --uri URI --documents N --batch B --collection NAME} inserts N
     * documents into {@code bench.NAME} with insertMany and reports the rate as figure
     * {@code insertMany}.
     */
    public static void main(String[] args) {
        ChildMain.run(args, (options, figures) -> {
            String uri = options.getString("uri", null);
            if (uri == null) {
                throw new IllegalArgumentException("--uri is required");
            }
            try (MongoClient client = MongoClients.create(uri)) {
                MongoCollection<BsonDocument> collection = client.getDatabase("bench")
                    .getCollection(options.getString("collection", "child"), BsonDocument.class);
                double rate = insertMany(collection, 0, options.getInt("documents", 200_000), options.getInt("batch", 1000));
                figures.figure("insertMany", rate, "docs/s");
            }
        });
    }

    /** Inserts {@code _id}s {@code first} to {@code first + count - 1} in batches; returns documents per second. */
    static double insertMany(MongoCollection<BsonDocument> collection, int first, int count, int batchSize) {
        List<BsonDocument> batch = new ArrayList<>(batchSize);
        long start = System.nanoTime();
        for (int id = first; id < first + count; id++) {
            batch.add(document(id));
            if (batch.size() == batchSize) {
                collection.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
        return rate(count, start);
    }

    /** Inserts {@code _id}s {@code first} to {@code first + count - 1} one by one; returns documents per second. */
    static double insertOne(MongoCollection<BsonDocument> collection, int first, int count) {
        long start = System.nanoTime();
        for (int id = first; id < first + count; id++) {
            collection.insertOne(document(id));
        }
        return rate(count, start);
    }

    /** A document of 1,021 BSON bytes. */
    static BsonDocument document(int id) {
        return new BsonDocument("_id", new BsonInt32(id)).append("n", new BsonInt32(id)).append("pad", new BsonString(PAD));
    }

    private static double rate(int count, long startNanos) {
        return count / ((System.nanoTime() - startNanos) / 1e9);
    }
}
