package io.ddt.examples.bench;

import java.util.ArrayList;
import java.util.List;

import org.bson.RawBsonDocument;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;

/**
 * The two baselines of {@code full-copy}, each written to a scratch database of the target that
 * the caller drops afterwards: (b) the target's own insertMany rate with every batch built before
 * the clock starts, and (a) a plain copy loop in one thread, find with a batch size then insertMany
 * of each batch. Both move {@link RawBsonDocument}s, as ddt does, so neither pays for decoding
 * that ddt does not do. Stateless; one thread.
 */
final class CopyReferences {

    static final String PREBUILT_DATABASE = "bench_reference_prebuilt";
    static final String LOOP_DATABASE = "bench_reference_loop";

    private CopyReferences() {
    }

    /**
     * (b), untimed part: builds {@code count} documents from index {@code from} in batches of
     * {@code batchSize}, in memory.
     */
    static List<List<RawBsonDocument>> prebuild(int from, int count, int batchSize) {
        List<List<RawBsonDocument>> batches = new ArrayList<>();
        List<RawBsonDocument> batch = new ArrayList<>(batchSize);
        for (int index = from; index < from + count; index++) {
            batch.add(CopyDocuments.document(CopyDocuments.IdKind.MIXED, index));
            if (batch.size() == batchSize) {
                batches.add(batch);
                batch = new ArrayList<>(batchSize);
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    /** (b): inserts prebuilt batches into the scratch database, one insertMany each; returns documents per second. */
    static double insertPrebuilt(MongoClient target, List<List<RawBsonDocument>> batches) {
        MongoCollection<RawBsonDocument> collection = target.getDatabase(PREBUILT_DATABASE)
            .getCollection("insertMany", RawBsonDocument.class);
        long documents = batches.stream().mapToLong(List::size).sum();
        long start = System.nanoTime();
        for (List<RawBsonDocument> batch : batches) {
            collection.insertMany(batch);
        }
        return documents / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * (a): copies the first {@code documents} documents of the plan's collections, in plan order,
     * with one thread: find with batch size {@code batchSize}, insertMany of each batch.
     *
     * @return documents per second
     */
    static double plainLoop(MongoClient source, MongoClient target, CopyPlan plan, int documents, int batchSize) {
        MongoDatabase database = target.getDatabase(LOOP_DATABASE);
        long start = System.nanoTime();
        int copied = 0;
        for (CopyPlan.Part part : plan.parts()) {
            if (copied == documents) {
                break;
            }
            int take = Math.min(part.documents(), documents - copied);
            copied += copyLoop(CopyPlan.collection(source, part), database.getCollection(part.name(), RawBsonDocument.class),
                take, batchSize);
        }
        return copied / ((System.nanoTime() - start) / 1e9);
    }

    private static int copyLoop(MongoCollection<RawBsonDocument> from, MongoCollection<RawBsonDocument> to, int limit,
                                int batchSize) {
        int copied = 0;
        List<RawBsonDocument> batch = new ArrayList<>(batchSize);
        try (MongoCursor<RawBsonDocument> cursor = from.find().limit(limit).batchSize(batchSize).iterator()) {
            while (cursor.hasNext()) {
                batch.add(cursor.next());
                if (batch.size() == batchSize) {
                    to.insertMany(batch);
                    copied += batch.size();
                    batch = new ArrayList<>(batchSize);
                }
            }
        }
        if (!batch.isEmpty()) {
            to.insertMany(batch);
            copied += batch.size();
        }
        return copied;
    }
}
