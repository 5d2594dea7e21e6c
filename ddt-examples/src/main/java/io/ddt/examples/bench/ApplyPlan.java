package io.ddt.examples.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;

/**
 * The writes of {@code apply}: collections {@code a0..aN} of database {@value #DATABASE}, each
 * seeded with the same documents, then a seeded stream of writes in chunks of one collection
 * each: updates 60% ({@code $set} of two fields and {@code $inc} of a counter), inserts 20% and
 * deletes 20%, every update and delete on a document that exists at that point.
 *
 * <p>Not thread-safe: one thread draws chunks. Two plans with the same arguments draw the same
 * chunks, so the source's writes, the references' writes and the lag workload's writes are all
 * known in advance.
 */
final class ApplyPlan {

    static final String DATABASE = "apply";
    private static final String PAD = "x".repeat(300);

    /** Writes to one collection, in order. */
    record Chunk(int collection, List<WriteModel<BsonDocument>> writes) {
        String collectionName() {
            return name(collection);
        }
    }

    private final int collections;
    private final int seeded;
    private final SplittableRandom random;
    /** The live {@code _id}s of each collection, unordered; an update or delete picks one at random. */
    private final int[][] live;
    private final int[] liveCount;
    private int nextId;

    ApplyPlan(int collections, int seededPerCollection, long seed) {
        if (collections < 1 || seededPerCollection < 1) {
            throw new IllegalArgumentException("--collections and --seeded must be positive, not " + collections
                + " and " + seededPerCollection);
        }
        this.collections = collections;
        this.seeded = seededPerCollection;
        this.random = new SplittableRandom(seed);
        this.live = new int[collections][seededPerCollection * 2];
        this.liveCount = new int[collections];
        for (int c = 0; c < collections; c++) {
            for (int i = 0; i < seededPerCollection; i++) {
                live[c][i] = i;
            }
            liveCount[c] = seededPerCollection;
        }
        this.nextId = seededPerCollection;
    }

    static String name(int collection) {
        return "a" + collection;
    }

    int collections() {
        return collections;
    }

    /** Inserts the seeded documents into every collection of {@code database}, in batches of 1000. */
    void seed(MongoDatabase database) {
        for (int c = 0; c < collections; c++) {
            List<BsonDocument> batch = new ArrayList<>(1000);
            for (int id = 0; id < seeded; id++) {
                batch.add(document(id, id));
                if (batch.size() == 1000) {
                    database.getCollection(name(c), BsonDocument.class).insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                database.getCollection(name(c), BsonDocument.class).insertMany(batch);
            }
        }
    }

    /** Draws the next {@code size} writes, all to one collection chosen at random. */
    Chunk next(int size) {
        int collection = random.nextInt(collections);
        List<WriteModel<BsonDocument>> writes = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            writes.add(nextWrite(collection));
        }
        return new Chunk(collection, writes);
    }

    /** Draws chunks until {@code events} writes are drawn. */
    List<Chunk> chunks(int events, int chunkSize) {
        List<Chunk> chunks = new ArrayList<>();
        for (int drawn = 0; drawn < events; drawn += chunkSize) {
            chunks.add(next(Math.min(chunkSize, events - drawn)));
        }
        return chunks;
    }

    private WriteModel<BsonDocument> nextWrite(int collection) {
        int roll = random.nextInt(10);
        if (roll < 2 || liveCount[collection] < 2) {
            int id = nextId++;
            add(collection, id);
            return new InsertOneModel<>(document(id, random.nextInt()));
        }
        int slot = random.nextInt(liveCount[collection]);
        int id = live[collection][slot];
        if (roll < 4) {
            live[collection][slot] = live[collection][--liveCount[collection]];
            return new DeleteOneModel<>(Filters.eq("_id", id));
        }
        BsonDocument update = new BsonDocument("$set", new BsonDocument("n", new BsonInt32(random.nextInt()))
            .append("s", new BsonString(Integer.toHexString(random.nextInt()))))
            .append("$inc", new BsonDocument("count", new BsonInt32(1)));
        return new UpdateOneModel<>(Filters.eq("_id", id), update);
    }

    private void add(int collection, int id) {
        if (liveCount[collection] == live[collection].length) {
            live[collection] = Arrays.copyOf(live[collection], live[collection].length * 2);
        }
        live[collection][liveCount[collection]++] = id;
    }

    private static BsonDocument document(int id, int n) {
        return new BsonDocument("_id", new BsonInt32(id)).append("n", new BsonInt32(n))
            .append("s", new BsonString(Integer.toHexString(n))).append("count", new BsonInt32(0))
            .append("pad", new BsonString(PAD));
    }
}
