package io.ddt.internal.stream;

import java.util.Optional;

import org.bson.BsonTimestamp;
import org.bson.RawBsonDocument;

import com.mongodb.MongoException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.client.MongoCursor;

import io.ddt.DdtException;
import io.ddt.Position;
import io.ddt.event.ChangeEvent;
import io.ddt.internal.ServerErrors;
import io.ddt.spi.EventBatch;

/**
 * One tail of {@code local.oplog.rs}: entries read in {@code ts} order through a tailable
 * awaitData cursor, joined into transactions, filtered, and handed over in batches.
 *
 * <p><b>Positions.</b> A batch's position is the {@code ts} of the last entry read, capped just
 * before the first part of the oldest unfinished transaction (so that a restart reads its parts
 * again) but never before the batch's own events. The stream never holds back a complete event;
 * a restart that meets a transaction's later part anyway reads the earlier ones by
 * {@code prevOpTime} (see {@link TransactionReader}).
 *
 * <p><b>Failures.</b> A transient error closes the cursor and opens a new one after the last
 * entry read, keeping the unfinished transactions, until the retry timeout passes without
 * progress. Every new cursor is followed by a look at the oplog's oldest entry, which fails with
 * {@link io.ddt.HistoryLostException} if entries after the last one read may have been lost.
 *
 * <p>Used by one thread at a time; {@link #close()} from any thread.
 */
final class OplogEventStream extends BatchingStream {

    private final OplogSource source;
    private final TransactionReader transactions;
    private final Position until;
    private MongoCursor<RawBsonDocument> cursor;
    private MongoException lastError;
    private BsonTimestamp lastRead;
    private Position position;
    private boolean untilVisible;
    private boolean ended;

    OplogEventStream(OplogSource source, StreamSettings settings, Position after, Position until) {
        super(settings, "the source's oplog");
        this.source = source;
        this.transactions = new TransactionReader(source);
        this.until = until;
        this.position = after;
        this.lastRead = after.clusterTime();
        this.ended = until != null && after.clusterTime().compareTo(until.clusterTime()) >= 0;
    }

    /** Opens the first cursor and checks that the start is still in the oplog. */
    void start() {
        if (ended) {
            return;
        }
        try {
            reopen();
        } catch (MongoException e) {
            throw new DdtException("Cannot open the source's oplog after " + Position.of(lastRead) + ": "
                + ServerErrors.describe(e) + ". Check that the source is reachable and that the user may read local.oplog.rs.", e);
        }
    }

    @Override
    boolean step(BatchCollector batch, long deadline) throws InterruptedException {
        try {
            if (cursor == null) {
                reopen();
            }
            if (!mayRead(cursor.available() > 0, batch, deadline)) {
                return false;
            }
            RawBsonDocument entry = cursor.tryNext();
            if (entry != null) {
                accept(entry, batch);
            } else if (cursor.getServerCursor() == null) {
                // A member may close a tailable cursor that found nothing to follow (an idle
                // oplog right after the start): open another after a pause, checking the history.
                dropCursor();
                lifecycle.pause(settings.maxAwaitTime().toMillis());
            } else {
                idle();
            }
            retry.succeeded();
            return true;
        } catch (MongoInterruptedException e) {
            dropCursor();
            throw interrupted(e);
        } catch (MongoException e) {
            if (!lifecycle.closed()) {
                recover(e);
            }
            return !lifecycle.closed();
        }
    }

    private void accept(RawBsonDocument entry, BatchCollector batch) {
        BsonTimestamp ts = entry.getTimestamp("ts");
        if (ts.compareTo(lastRead) <= 0) {
            return;
        }
        if (until != null && ts.compareTo(until.clusterTime()) > 0) {
            ended = true;
            return;
        }
        TransactionReader.Read read = transactions.accept(entry);
        lastRead = ts;
        ChangeEvent selected = read == null ? null : selection.select(read.event());
        if (selected != null) {
            batch.add(selected, read.bytes());
        }
        ended = until != null && ts.equals(until.clusterTime());
    }

    /**
     * An awaited getMore found nothing. With an end position, the stream ends at the second such
     * getMore after the oplog's newest entry reached it: everything up to it was visible then.
     */
    private void idle() {
        if (until == null) {
            return;
        }
        if (untilVisible) {
            ended = true;
            return;
        }
        BsonTimestamp newest = source.newest();
        untilVisible = newest != null && newest.compareTo(until.clusterTime()) >= 0;
    }

    @Override
    EventBatch finish(BatchCollector batch) {
        Position reached;
        if (ended) {
            reached = Position.of(until.clusterTime());
        } else {
            reached = Position.of(lastRead);
            Optional<Position> pending = transactions.oldestPending();
            if (pending.isPresent()) {
                reached = Positions.min(reached, Positions.justBefore(pending.get()));
            }
        }
        position = Positions.max(batch.lastPosition(position), reached);
        return batch.build(position, ended);
    }

    private void recover(MongoException error) throws InterruptedException {
        if (!StreamErrors.isTransient(error) && !StreamErrors.mayHaveLostHistory(error)) {
            throw new DdtException("Cannot read the source's oplog after " + Position.of(lastRead) + ": "
                + ServerErrors.describe(error), error);
        }
        long pause = retry.failed(error, Position.of(lastRead));
        lastError = error;
        dropCursor();
        lifecycle.pause(pause);
    }

    private void reopen() {
        MongoCursor<RawBsonDocument> opened = source.tail(lastRead);
        cursor = opened;
        lifecycle.cursor(opened);
        source.checkHistory(lastRead, lastError);
        lastError = null;
    }

    @Override
    Position position() {
        return position;
    }

    @Override
    boolean ended() {
        return ended;
    }

    private void dropCursor() {
        cursor = null;
        lifecycle.cursor(null);
    }
}
