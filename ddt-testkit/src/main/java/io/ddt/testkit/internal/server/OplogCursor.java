package io.ddt.testkit.internal.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A cursor on {@code local.oplog.rs}. It seeks to the {@code ts} bound of its filter through the
 * ordered oplog instead of scanning it, applies the rest of the filter to each entry, and when
 * tailable with awaitData, waits for new entries instead of returning at once. A tailing cursor
 * whose last entry has been trimmed away fails with CappedPositionLost, as on a real member.
 */
final class OplogCursor implements ServerCursor {

    private final OplogStore oplog;
    private final Document filter;
    private final BsonDocument projection;
    private final boolean tailable;
    private final boolean awaitData;
    private final boolean reverse;
    private final long limit;
    private long lastTs;
    private boolean inclusive;
    private long returned;
    private boolean scanned;
    private boolean done;

    OplogCursor(OplogStore oplog, BsonDocument command) {
        this.oplog = oplog;
        BsonDocument query = command.getDocument("filter", new BsonDocument());
        this.filter = BsonBridge.toMjs(query);
        this.projection = command.getDocument("projection", null);
        this.tailable = command.getBoolean("tailable", org.bson.BsonBoolean.FALSE).getValue();
        this.awaitData = command.getBoolean("awaitData", org.bson.BsonBoolean.FALSE).getValue();
        BsonDocument sort = command.getDocument("sort", new BsonDocument());
        this.reverse = !sort.isEmpty() && sort.values().iterator().next().asNumber().intValue() < 0;
        this.limit = Math.abs(command.getNumber("limit", new org.bson.BsonInt64(0)).longValue());
        lastTs = Long.MIN_VALUE;
        inclusive = true;
        if (!reverse) {
            seek(query.get("ts"));
        }
    }

    private void seek(BsonValue condition) {
        if (condition == null) {
            return;
        }
        if (condition.isTimestamp()) {
            lastTs = condition.asTimestamp().getValue();
            return;
        }
        if (!condition.isDocument()) {
            return;
        }
        BsonDocument bounds = condition.asDocument();
        if (bounds.isTimestamp("$gte")) {
            lastTs = bounds.getTimestamp("$gte").getValue();
        } else if (bounds.isTimestamp("$gt")) {
            lastTs = bounds.getTimestamp("$gt").getValue();
            inclusive = false;
        }
    }

    @Override
    public String namespace() {
        return "local.oplog.rs";
    }

    @Override
    public Batch next(int batchSize, long maxAwaitMillis) throws InterruptedException {
        if (reverse) {
            return descending(batchSize);
        }
        checkPosition();
        List<BsonDocument> batch = collect(batchSize);
        if (batch.isEmpty() && tailable && awaitData && maxAwaitMillis > 0) {
            if (oplog.awaitAfter(lastTs == Long.MIN_VALUE ? -1 : lastTs, maxAwaitMillis)) {
                checkPosition();
                batch = collect(batchSize);
            }
        }
        if (!tailable && batch.size() < (batchSize <= 0 ? Integer.MAX_VALUE : batchSize)) {
            done = true;
        }
        return new Batch(batch, null);
    }

    private void checkPosition() {
        if (tailable && scanned && !oplog.contains(lastTs)) {
            throw new CommandException(136, "CappedPositionLost",
                "CollectionScan died due to position in capped collection being deleted");
        }
    }

    private List<BsonDocument> collect(int batchSize) {
        List<BsonDocument> batch = new ArrayList<>();
        long bytes = 0;
        long start = lastTs == Long.MIN_VALUE ? Long.MIN_VALUE : lastTs;
        for (Map.Entry<Long, RawBsonDocument> entry : oplog.after(start, inclusive).entrySet()) {
            if ((batchSize > 0 && batch.size() >= batchSize) || (limit > 0 && returned >= limit)) {
                break;
            }
            int size = entry.getValue().getByteBuffer().remaining();
            if (!batch.isEmpty() && bytes + size > ListCursor.MAX_BATCH_BYTES) {
                break;
            }
            lastTs = entry.getKey();
            inclusive = false;
            scanned = true;
            if (matches(entry.getValue())) {
                batch.add(Projections.apply(entry.getValue(), projection));
                bytes += size;
                returned++;
            }
        }
        if (limit > 0 && returned >= limit) {
            done = true;
        }
        return batch;
    }

    private Batch descending(int batchSize) {
        List<BsonDocument> batch = new ArrayList<>();
        Iterator<Map.Entry<Long, RawBsonDocument>> it = (lastTs == Long.MIN_VALUE ? oplog.descending()
            : oplog.descending().tailMap(lastTs, false)).entrySet().iterator();
        while (it.hasNext() && (batchSize <= 0 || batch.size() < batchSize) && (limit <= 0 || returned < limit)) {
            Map.Entry<Long, RawBsonDocument> entry = it.next();
            lastTs = entry.getKey();
            if (matches(entry.getValue())) {
                batch.add(Projections.apply(entry.getValue(), projection));
                returned++;
            }
        }
        done = !it.hasNext() || (limit > 0 && returned >= limit);
        return new Batch(batch, null);
    }

    private boolean matches(RawBsonDocument entry) {
        return filter.isEmpty() || new DefaultQueryMatcher().matches(BsonBridge.toMjs(entry), filter);
    }

    @Override
    public boolean exhausted() {
        return done;
    }
}
