package io.ddt.examples.bench;

import org.bson.BsonDocument;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * The harness's own proof, on one fake cluster: insertMany in batches versus a plain insertOne
 * loop, and the same insertMany loop in a small child JVM with its peak heap.
 *
 * <p>Options: {@code --documents N} (200,000; the reference inserts 10% of it),
 * {@code --batch 1000}, {@code --child-heap 128m}, {@code --goal 2} (insertMany must be at
 * least this many times faster than insertOne), {@code --warmup 20000} (documents inserted,
 * and a tenth as many one by one, before anything is timed: the cluster's JIT needs them, and
 * without them the insertOne reference measures a cold server).
 */
final class FakeInsertBenchmark implements Benchmark {

    private static final double MB = 1024 * 1024;

    @Override
    public String name() {
        return "fake-insert";
    }

    @Override
    public String description() {
        return "insertMany of ~1 KB documents in batches vs an insertOne loop; the same insertMany in a child JVM's small heap";
    }

    @Override
    public int clusters() {
        return 1;
    }

    @Override
    public void run(BenchmarkContext context) throws Exception {
        Options options = context.options();
        int documents = options.getInt("documents", 200_000);
        int batch = options.getInt("batch", 1000);
        if (documents < 10 || batch < 1) {
            throw new IllegalArgumentException("--documents must be at least 10 and --batch at least 1");
        }
        Figures figures = context.figures();
        try (MongoClient client = MongoClients.create(context.connectionString(0))) {
            MongoDatabase db = client.getDatabase("bench");
            warmUp(db, options.getInt("warmup", Math.min(documents, 20_000)), batch);
            context.out().printf("  insertMany of %,d documents in batches of %,d%n", documents, batch);
            figures.figure("insertMany", InsertLoop.insertMany(db.getCollection("many", BsonDocument.class), 0, documents, batch),
                "docs/s");
            context.out().printf("  insertOne of %,d documents%n", documents / 10);
            figures.reference("insertOne", InsertLoop.insertOne(db.getCollection("one", BsonDocument.class), 0, documents / 10),
                "docs/s");
            figures.ratio("insertMany/insertOne", "insertMany", "insertOne", options.getDouble("goal", 2));
        }
        String childHeap = options.getString("child-heap", "128m");
        context.out().printf("  insertMany of %,d documents in a child JVM with -Xmx%s%n", documents, childHeap);
        ChildResult child = context.childJvm(InsertLoop.class, "insert-child").maxHeap(childHeap)
            .args("--uri", context.connectionString(0), "--documents", Integer.toString(documents), "--batch",
                Integer.toString(batch), "--collection", "child")
            .run().orThrow();
        figures.figure("child-heap", child.peakHeapBytes() / MB, "MB");
        figures.figure("child-insertMany", child.value("insertMany").orElse(Double.NaN), "docs/s");
        figures.figure("child-out-of-memory", child.outOfMemory() ? 1 : 0, "yes=1");
    }

    /** Lets the JIT compile the driver's write path before anything is timed, then drops what it wrote. */
    private static void warmUp(MongoDatabase db, int documents, int batch) {
        InsertLoop.insertMany(db.getCollection("warmup", BsonDocument.class), 0, documents, batch);
        InsertLoop.insertOne(db.getCollection("warmup", BsonDocument.class), documents, documents / 10);
        db.getCollection("warmup").drop();
    }
}
