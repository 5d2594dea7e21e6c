package io.ddt.internal.stream;

import java.util.concurrent.TimeUnit;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonTimestamp;
import org.bson.RawBsonDocument;

import com.mongodb.CursorType;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;

import io.ddt.HistoryLostException;

/**
 * The source's {@code local.oplog.rs}: tailing cursors on it, and the few point reads a stream
 * needs (its oldest and newest entries, one entry by {@code ts}). Thread-safe, as the driver's
 * collection is.
 */
final class OplogSource {

    private static final BsonDocument NATURAL = new BsonDocument("$natural", new BsonInt32(1));
    private static final BsonDocument NATURAL_REVERSE = new BsonDocument("$natural", new BsonInt32(-1));

    private final MongoCollection<RawBsonDocument> oplog;
    private final StreamSettings settings;

    OplogSource(MongoClient client, StreamSettings settings) {
        MongoDatabase local = client.getDatabase("local");
        if (settings.readPreference() != null) {
            local = local.withReadPreference(settings.readPreference());
        }
        this.oplog = local.getCollection("oplog.rs", RawBsonDocument.class);
        this.settings = settings;
    }

    /**
     * Opens a tailable awaitData cursor on the entries after {@code after} that the server-side
     * filter lets through. (Servers from 4.4 on find the start by {@code ts} without being told:
     * the deprecated {@code oplogReplay} flag is not sent.)
     */
    MongoCursor<RawBsonDocument> tail(BsonTimestamp after) {
        return oplog.find(ServerFilters.oplog(after, settings.filter()))
            .cursorType(CursorType.TailableAwait)
            .maxAwaitTime(settings.maxAwaitTime().toMillis(), TimeUnit.MILLISECONDS)
            .batchSize(settings.batchEvents())
            .cursor();
    }

    /** The oldest entry's {@code ts}, or null for an empty oplog. */
    BsonTimestamp oldest() {
        return firstTs(NATURAL);
    }

    /** The newest entry's {@code ts}, or null for an empty oplog. */
    BsonTimestamp newest() {
        return firstTs(NATURAL_REVERSE);
    }

    /**
     * Returns the entry at {@code ts}.
     *
     * @throws HistoryLostException when the oplog no longer holds it
     */
    RawBsonDocument entryAt(BsonTimestamp ts) {
        RawBsonDocument entry = oplog.find(new BsonDocument("ts", ts)).limit(1).first();
        if (entry == null) {
            throw new HistoryLostException(ts, oldest());
        }
        return entry;
    }

    /**
     * Checks that every entry after {@code after} is still in the oplog: its oldest entry is at
     * or before {@code after}, or right after it (then nothing can be missing in between).
     * Checked after a cursor has read from {@code after}, the answer also covers what it read:
     * the oplog loses its oldest entries first.
     *
     * @throws HistoryLostException when entries after {@code after} may be gone
     */
    void checkHistory(BsonTimestamp after, Throwable cause) {
        BsonTimestamp oldest = oldest();
        if (oldest != null && oldest.compareTo(after) > 0 && oldest.getValue() != after.getValue() + 1) {
            throw new HistoryLostException(after, oldest, cause);
        }
    }

    private BsonTimestamp firstTs(BsonDocument order) {
        RawBsonDocument entry = oplog.find().sort(order).projection(new BsonDocument("ts", new BsonInt32(1))).limit(1).first();
        return entry == null ? null : entry.getTimestamp("ts");
    }
}
