package io.ddt.testkit.internal.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

import io.ddt.testkit.internal.changestream.ChangeEventBuilder;
import io.ddt.testkit.internal.changestream.ChangeEventStream;
import io.ddt.testkit.internal.changestream.ChangeStreamOptions;
import io.ddt.testkit.internal.changestream.ResumeToken;

/**
 * A change stream cursor: reads the oplog from its start position, turns entries into events
 * through a {@link ChangeEventStream}, applies the pipeline's later stages, and waits for new
 * entries on an awaited getMore. Every batch carries a {@code postBatchResumeToken}: the last
 * event's token, or a high-water mark at the newest entry scanned, so a quiet stream still
 * moves forward.
 */
final class ChangeStreamCursor implements ServerCursor {

    private final FakeMember member;
    private final String namespace;
    private final ChangeEventStream stream;
    private final ChangeStreamStages stages;
    private final boolean lookupFullDocument;
    private final Deque<BsonDocument> pending = new ArrayDeque<>();
    private long lastScanned;
    private boolean inclusive;
    private BsonDocument lastToken;
    private boolean done;

    ChangeStreamCursor(FakeMember member, String namespace, ChangeStreamOptions options, BsonDocument resumeAfter,
                       long startTs, boolean inclusive, ChangeStreamStages stages, boolean lookupFullDocument) {
        this.member = member;
        this.namespace = namespace;
        this.stream = new ChangeEventStream(options, ts -> entryAt(ts), resumeAfter);
        this.stages = stages;
        this.lookupFullDocument = lookupFullDocument;
        this.lastScanned = startTs;
        this.inclusive = inclusive;
    }

    private Optional<BsonDocument> entryAt(BsonTimestamp ts) {
        Map.Entry<Long, RawBsonDocument> entry = member.oplog().after(ts.getValue(), true).firstEntry();
        return entry != null && entry.getKey() == ts.getValue() ? Optional.of(mutable(entry.getValue())) : Optional.empty();
    }

    private static BsonDocument mutable(RawBsonDocument entry) {
        return entry.decode(new org.bson.codecs.BsonDocumentCodec());
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public Batch next(int batchSize, long maxAwaitMillis) throws InterruptedException {
        List<BsonDocument> batch = new ArrayList<>();
        fill(batch, batchSize);
        if (batch.isEmpty() && !done && maxAwaitMillis > 0 && member.oplog().awaitAfter(lastScanned, maxAwaitMillis)) {
            fill(batch, batchSize);
        }
        return new Batch(batch, postBatchToken(batch));
    }

    private void fill(List<BsonDocument> batch, int batchSize) {
        checkHistory();
        int limit = batchSize <= 0 ? Integer.MAX_VALUE : batchSize;
        drainPending(batch, limit);
        for (Map.Entry<Long, RawBsonDocument> entry : member.oplog().after(lastScanned, inclusive).entrySet()) {
            if (batch.size() >= limit || done) {
                break;
            }
            lastScanned = entry.getKey();
            inclusive = false;
            for (BsonDocument event : stream.accept(mutable(entry.getValue()))) {
                BsonDocument shaped = stages.apply(withFullDocument(event));
                if (shaped != null) {
                    pending.addLast(shaped);
                }
            }
            drainPending(batch, limit);
        }
    }

    private void drainPending(List<BsonDocument> batch, int limit) {
        while (!pending.isEmpty() && batch.size() < limit) {
            BsonDocument event = pending.pollFirst();
            batch.add(event);
            lastToken = event.getDocument("_id");
            if (event.getString("operationType").getValue().equals("invalidate")) {
                done = true;
                pending.clear();
            }
        }
    }

    private BsonDocument withFullDocument(BsonDocument event) {
        if (!lookupFullDocument || !event.getString("operationType").getValue().equals("update")) {
            return event;
        }
        BsonDocument ns = event.getDocument("ns");
        String target = ns.getString("db").getValue() + "." + ns.getString("coll").getValue();
        BsonValue id = event.getDocument("documentKey").get("_id");
        BsonDocument current = member.catalog().exists(target) ? member.engine().findById(target, id) : null;
        return ChangeEventBuilder.withFullDocument(event, current == null ? BsonNull.VALUE : current);
    }

    private void checkHistory() {
        Long first = member.oplog().firstTs();
        if (first != null && lastScanned != Long.MIN_VALUE && first > lastScanned && !(inclusive && first == lastScanned)) {
            throw new CommandException(286, "ChangeStreamHistoryLost",
                "Resume of change stream was not possible, as the resume point may no longer be in the oplog.");
        }
    }

    private BsonDocument postBatchToken(List<BsonDocument> batch) {
        if (!pending.isEmpty() || (lastToken != null && !batch.isEmpty() && scannedTs() <= tokenTs(lastToken))) {
            return lastToken;
        }
        long scanned = Math.max(scannedTs(), lastToken == null ? 0 : tokenTs(lastToken));
        return ResumeToken.highWaterMark(new BsonTimestamp(Math.max(scanned, 0)));
    }

    private long scannedTs() {
        return inclusive ? lastScanned - 1 : lastScanned;
    }

    private static long tokenTs(BsonDocument token) {
        return ResumeToken.decode(token).clusterTime().getValue();
    }

    @Override
    public boolean exhausted() {
        return done && pending.isEmpty();
    }
}
