package io.ddt.examples.bench;

import java.util.List;

import org.bson.BsonDocument;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;

/**
 * The two baselines of {@code apply}, each run on a scratch database of the target seeded like
 * the source: (a) one write per event in one thread, and (b) the target's own bulk-write rate,
 * one ordered {@code bulkWrite} per chunk with every write built before the clock starts.
 * Stateless; one thread.
 */
final class ApplyReferences {

    private ApplyReferences() {
    }

    /** (a): each write of the chunks on its own, in order, until {@code limit} writes; returns writes per second. */
    static double oneWriteAtATime(MongoDatabase database, List<ApplyPlan.Chunk> chunks, int limit) {
        int done = 0;
        long start = System.nanoTime();
        for (ApplyPlan.Chunk chunk : chunks) {
            MongoCollection<BsonDocument> collection = database.getCollection(chunk.collectionName(), BsonDocument.class);
            for (WriteModel<BsonDocument> write : chunk.writes()) {
                if (done++ == limit) {
                    return limit / seconds(start);
                }
                writeOne(collection, write);
            }
        }
        return done / seconds(start);
    }

    /** (b): one ordered bulkWrite per chunk; returns writes per second. */
    static double bulkWrites(MongoDatabase database, List<ApplyPlan.Chunk> chunks) {
        long writes = chunks.stream().mapToLong(c -> c.writes().size()).sum();
        long start = System.nanoTime();
        for (ApplyPlan.Chunk chunk : chunks) {
            database.getCollection(chunk.collectionName(), BsonDocument.class).bulkWrite(chunk.writes());
        }
        return writes / seconds(start);
    }

    private static void writeOne(MongoCollection<BsonDocument> collection, WriteModel<BsonDocument> write) {
        if (write instanceof InsertOneModel<BsonDocument> insert) {
            collection.insertOne(insert.getDocument());
        } else if (write instanceof UpdateOneModel<BsonDocument> update) {
            collection.updateOne(update.getFilter(), update.getUpdate());
        } else if (write instanceof DeleteOneModel<BsonDocument> delete) {
            collection.deleteOne(delete.getFilter());
        } else {
            throw new IllegalArgumentException("not a write the plan makes: " + write.getClass().getSimpleName());
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
