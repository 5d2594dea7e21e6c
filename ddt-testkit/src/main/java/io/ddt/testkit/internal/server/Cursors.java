package io.ddt.testkit.internal.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The member's open cursors: first batches of 101 documents unless asked otherwise, later
 * batches up to 16 MiB, {@code getMore} and {@code killCursors}; all forgotten on restart, as
 * a real member forgets them.
 */
final class Cursors {

    static final int DEFAULT_FIRST_BATCH = 101;
    static final long DEFAULT_AWAIT_MILLIS = 1000;

    /** A real member's default cursorTimeoutMillis: ten minutes idle and a cursor is gone. */
    static final long IDLE_TIMEOUT_NANOS = 10L * 60 * 1_000_000_000;

    private final Map<Long, ServerCursor> open = new ConcurrentHashMap<>();
    private final Map<Long, Long> lastUsed = new ConcurrentHashMap<>();
    private final AtomicLong getMores = new AtomicLong();

    /** Opens a cursor over a computed result and returns the command reply with its first batch. */
    BsonDocument open(String namespace, List<BsonDocument> documents, BsonDocument command, boolean cursorOption) {
        return open(new ListCursor(namespace, documents), command, cursorOption, 0);
    }

    /** Registers a cursor and returns the reply holding its first batch. */
    BsonDocument open(ServerCursor cursor, BsonDocument command, boolean cursorOption, long awaitMillis) {
        int batchSize = firstBatchSize(command, cursorOption);
        ServerCursor.Batch batch;
        try {
            batch = cursor.next(batchSize, awaitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException(11601, "Interrupted", "operation was interrupted");
        }
        boolean single = command.getBoolean("singleBatch", org.bson.BsonBoolean.FALSE).getValue();
        long id = 0;
        reapIdle();
        if (!cursor.exhausted() && !single) {
            id = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
            open.put(id, cursor);
            lastUsed.put(id, System.nanoTime());
        }
        return reply("firstBatch", batch, id, cursor.namespace());
    }

    private static int firstBatchSize(BsonDocument command, boolean cursorOption) {
        BsonValue size = cursorOption ? command.getDocument("cursor", new BsonDocument()).get("batchSize") : command.get("batchSize");
        if (size == null || !size.isNumber()) {
            return DEFAULT_FIRST_BATCH;
        }
        int value = size.asNumber().intValue();
        if (value < 0) {
            throw CommandException.badValue("batchSize must not be negative");
        }
        return value;
    }

    BsonDocument getMore(BsonDocument command) throws InterruptedException {
        getMores.incrementAndGet();
        long id = command.getNumber("getMore").longValue();
        ServerCursor cursor = open.get(id);
        if (cursor == null) {
            throw new CommandException(43, "CursorNotFound", "cursor id " + id + " not found");
        }
        int batchSize = command.getNumber("batchSize", new BsonInt32(0)).intValue();
        long await = command.getNumber("maxTimeMS", new BsonInt64(DEFAULT_AWAIT_MILLIS)).longValue();
        ServerCursor.Batch batch;
        synchronized (cursor) {
            batch = cursor.next(batchSize, await);
        }
        if (cursor.exhausted()) {
            open.remove(id);
            lastUsed.remove(id);
            id = 0;
        } else {
            lastUsed.put(id, System.nanoTime());
        }
        return reply("nextBatch", batch, id, cursor.namespace());
    }

    BsonDocument kill(BsonDocument command) {
        BsonArray killed = new BsonArray();
        BsonArray notFound = new BsonArray();
        for (BsonValue value : command.getArray("cursors", new BsonArray())) {
            lastUsed.remove(value.asNumber().longValue());
            (open.remove(value.asNumber().longValue()) != null ? killed : notFound).add(value);
        }
        return new BsonDocument("cursorsKilled", killed).append("cursorsNotFound", notFound)
            .append("cursorsAlive", new BsonArray()).append("cursorsUnknown", new BsonArray())
            .append("ok", new BsonDouble(1));
    }

    private static BsonDocument reply(String field, ServerCursor.Batch batch, long id, String namespace) {
        BsonDocument cursor = new BsonDocument(field, new BsonArray(List.copyOf(batch.documents())));
        if (batch.postBatchResumeToken() != null) {
            cursor.append("postBatchResumeToken", batch.postBatchResumeToken());
        }
        cursor.append("id", new BsonInt64(id)).append("ns", new BsonString(namespace));
        return new BsonDocument("cursor", cursor).append("ok", new BsonDouble(1));
    }

    /** Forgets cursors idle past the timeout, as a real member's cursor monitor does. */
    private void reapIdle() {
        long now = System.nanoTime();
        lastUsed.forEach((id, used) -> {
            if (now - used > IDLE_TIMEOUT_NANOS) {
                open.remove(id);
                lastUsed.remove(id);
            }
        });
    }

    /** How many getMore commands this member has answered, for tests of busy polling. */
    long getMoreCount() {
        return getMores.get();
    }

    void clear() {
        open.clear();
        lastUsed.clear();
    }
}
