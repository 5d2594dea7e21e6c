package io.ddt.examples.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.bson.BsonDocument;

import com.mongodb.client.MongoDatabase;

/**
 * Writes a plan's chunks to the source at a steady rate: a chunk every {@code size / rate}
 * seconds, on the clock rather than after the previous write, so a slow write is caught up and
 * the mean rate holds. Several instances may share one plan (it is drawn from under its lock), each
 * on its own thread, when one writer cannot reach the rate.
 */
final class SteadyWorkload {

    private final ApplyPlan plan;
    private final MongoDatabase database;
    private final double rate;
    private final int size;

    SteadyWorkload(ApplyPlan plan, MongoDatabase database, double rate, int size) {
        this.plan = plan;
        this.database = database;
        this.rate = rate;
        this.size = size;
    }

    /** Writes for {@code length}; returns the events per second achieved. */
    double run(Duration length) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + length.toNanos();
        long written = 0;
        while (System.nanoTime() < end) {
            long due = start + (long) (written / rate * 1e9);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            ApplyPlan.Chunk chunk;
            synchronized (plan) {
                chunk = plan.next(size);
            }
            database.getCollection(chunk.collectionName(), BsonDocument.class).bulkWrite(chunk.writes());
            written += size;
        }
        return written / ((System.nanoTime() - start) / 1e9);
    }
}
