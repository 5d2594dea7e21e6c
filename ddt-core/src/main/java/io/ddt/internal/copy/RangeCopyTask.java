package io.ddt.internal.copy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.RawBsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;

import io.ddt.DdtException;
import io.ddt.internal.ServerErrors;
import io.ddt.spi.RangeState;

/**
 * Copies one {@code _id} range: reads it in {@code _id} order as raw documents, writes batches
 * bounded by count and bytes, and records the last {@code _id} written after each batch, so a
 * restart (after a crash or a transient error) reads on from there. Transient errors are retried
 * with backoff for as long as the range keeps making progress within the retry timeout; others
 * fail with the namespace and the range.
 */
final class RangeCopyTask implements Callable<RangeState> {

    private static final Logger LOG = LoggerFactory.getLogger(RangeCopyTask.class);

    /** What a task needs from the copy it belongs to. */
    record Context(CopyStateHolder state, ByteBudget budget, BatchWriter writer, int batchDocuments, long batchBytes,
                   long retryTimeoutMillis, Runnable onRangeDone) {
    }

    private final String namespace;
    private final int index;
    private final MongoCollection<RawBsonDocument> source;
    private final MongoCollection<RawBsonDocument> target;
    private final CollectionProgress progress;
    private final Context context;
    private RangeState range;
    private long lastProgressNanos;

    RangeCopyTask(String namespace, int index, MongoCollection<RawBsonDocument> source,
                  MongoCollection<RawBsonDocument> target, CollectionProgress progress, Context context) {
        this.namespace = namespace;
        this.index = index;
        this.source = source;
        this.target = target;
        this.progress = progress;
        this.context = context;
    }

    @Override
    public RangeState call() throws InterruptedException {
        range = context.state().collection(namespace).ranges().get(index);
        if (!range.done()) {
            progress.started();
            copyWithRetries();
            range = range.finished();
            context.state().range(namespace, range);
        }
        // Outside the retry loop: finishing the collection (its indexes) must fail the copy,
        // not send the range round again.
        context.onRangeDone().run();
        return range;
    }

    private void copyWithRetries() throws InterruptedException {
        long backoff = 100;
        lastProgressNanos = System.nanoTime();
        while (true) {
            try {
                copyRest();
                return;
            } catch (MongoException e) {
                boolean expired = System.nanoTime() - lastProgressNanos > context.retryTimeoutMillis() * 1_000_000L;
                if (!TransientErrors.isTransient(e) || expired) {
                    throw new DdtException("copy of " + namespace + " " + range + " failed: " + ServerErrors.describe(e)
                        + (TransientErrors.isTransient(e) ? " (no progress for longer than the retry timeout)" : ""), e);
                }
                LOG.warn("copy of {} {} hit a transient error, retrying in {} ms: {}", namespace, range, backoff, ServerErrors.describe(e));
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private void copyRest() throws InterruptedException {
        BsonDocument filter = IdBrackets.rangeFilter(range);
        List<RawBsonDocument> batch = new ArrayList<>();
        long[] bytes = {0};
        try (MongoCursor<RawBsonDocument> cursor = source.find(filter).sort(new BsonDocument("_id", new BsonInt32(1)))
            .batchSize(context.batchDocuments()).iterator()) {
            while (cursor.hasNext()) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("copy of " + namespace + " interrupted");
                }
                RawBsonDocument document = cursor.next();
                int size = document.getByteBuffer().remaining();
                if (!context.budget().tryAcquire(size)) {
                    flush(batch, bytes);
                    context.budget().acquire(size);
                }
                batch.add(document);
                bytes[0] += size;
                if (batch.size() >= context.batchDocuments() || bytes[0] >= context.batchBytes()) {
                    flush(batch, bytes);
                }
            }
            flush(batch, bytes);
        } finally {
            context.budget().release(bytes[0]);
        }
    }

    private void flush(List<RawBsonDocument> batch, long[] bytes) {
        if (batch.isEmpty()) {
            return;
        }
        context.writer().write(namespace, target, batch);
        range = range.advancedTo(batch.get(batch.size() - 1).get("_id"), batch.size());
        context.state().range(namespace, range);
        progress.written(batch.size(), bytes[0]);
        lastProgressNanos = System.nanoTime();
        context.budget().release(bytes[0]);
        bytes[0] = 0;
        batch.clear();
    }
}
