package io.ddt.internal.stream;


import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.RawBsonDocument;

import com.mongodb.MongoException;
import com.mongodb.MongoInterruptedException;

import io.ddt.DdtException;
import io.ddt.Position;
import io.ddt.event.ChangeEvent;
import io.ddt.event.ChangeEvents;
import io.ddt.event.Invalidate;
import io.ddt.internal.ServerErrors;
import io.ddt.spi.EventBatch;

/**
 * One cluster-wide change stream, read in batches: events parsed, filtered, the events of a
 * transaction joined (see {@link TransactionGroups}).
 *
 * <p><b>Positions</b> carry resume tokens: an event's own, or the post-batch resume token once a
 * server batch is read through, which moves the position on a quiet source. The position stays
 * before a transaction still being joined.
 *
 * <p><b>Failures.</b> The driver's cursor resumes once by itself after a resumable error (the
 * command-driven one of raw update descriptions does not); past that, a transient error opens a
 * new stream after the last event or token read, keeping what was read, until the retry timeout
 * passes without progress. {@code ChangeStreamHistoryLost} becomes
 * {@link io.ddt.HistoryLostException}. An {@code invalidate}, which a cluster-wide stream never
 * gets from a drop or rename, fails the stream with a message that names its position.
 *
 * <p>Used by one thread at a time; {@link #close()} from any thread.
 */
final class ChangeStreamEventStream extends BatchingStream {

    private static final int HISTORY_LOST = 286;

    private final ChangeStreamSource source;
    private final TransactionGroups groups = new TransactionGroups();
    private final Position until;
    private ChangeCursor cursor;
    private Position consumed;
    private Position position;
    private boolean ended;

    ChangeStreamEventStream(ChangeStreamSource source, StreamSettings settings, Position after, Position until) {
        super(settings, "the source's change stream");
        this.source = source;
        this.until = until;
        this.consumed = after;
        this.position = after;
        this.ended = until != null && after.compareTo(until) >= 0;
    }

    /** Opens the first cursor; the server checks that the start is still in its history. */
    void start() {
        if (ended) {
            return;
        }
        try {
            reopen();
        } catch (MongoException e) {
            if (e.getCode() == HISTORY_LOST) {
                throw source.historyLost(consumed, e);
            }
            throw new DdtException("Cannot open a change stream on the source after " + consumed + ": " + ServerErrors.describe(e)
                + ". Check that the source is reachable, is a replica set or sharded cluster, and that the user may"
                + " run changeStream on the whole cluster.", e);
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
            RawBsonDocument event = cursor.tryNext();
            if (event != null) {
                accept(event, batch);
            } else {
                groups.flush(batch);
            }
            if (!ended && cursor.available() == 0) {
                observe(cursor.resumeToken(), batch);
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

    private void accept(RawBsonDocument raw, BatchCollector batch) {
        ChangeEvent event = ChangeEvents.fromChangeStream(raw);
        Position at = event.position();
        if (at.compareTo(consumed) <= 0) {
            return;
        }
        if (beyondUntil(at)) {
            end(batch);
            return;
        }
        if (event instanceof Invalidate) {
            throw new DdtException("The source's change stream was invalidated at " + at + ", which a cluster-wide"
                + " stream should never be. Start the stream again after " + position + ".");
        }
        consumed = at;
        groups.offer(event, selection.select(event), raw.getByteBuffer().remaining(), batch);
        if (until != null && at.equals(until)) {
            end(batch);
        }
    }

    /** Takes in the post-batch resume token: how far the server has read, events or not. */
    private void observe(BsonDocument token, BatchCollector batch) {
        if (token == null) {
            return;
        }
        BsonTimestamp time = Positions.clusterTime(token);
        Position at = Position.of(time == null ? consumed.clusterTime() : time, token);
        if (at.compareTo(consumed) <= 0) {
            return;
        }
        if (beyondUntil(at)) {
            end(batch);
            return;
        }
        consumed = at;
        groups.passed(at.clusterTime(), batch);
    }

    private boolean beyondUntil(Position at) {
        return until != null && (until.hasResumeToken() ? at.compareTo(until) > 0
            : at.clusterTime().compareTo(until.clusterTime()) > 0);
    }

    private void end(BatchCollector batch) {
        groups.flush(batch);
        ended = true;
    }

    @Override
    EventBatch finish(BatchCollector batch) {
        Position reached = ended ? Positions.max(consumed, until) : groups.holding() ? position : consumed;
        position = Positions.max(batch.lastPosition(position), reached);
        return batch.build(position, ended);
    }

    private void recover(MongoException error) throws InterruptedException {
        if (error.getCode() == HISTORY_LOST) {
            throw source.historyLost(consumed, error);
        }
        if (!StreamErrors.isTransient(error)) {
            throw new DdtException("Cannot read the source's change stream after " + consumed + ": "
                + ServerErrors.describe(error), error);
        }
        long pause = retry.failed(error, consumed);
        dropCursor();
        lifecycle.pause(pause);
    }

    private void reopen() {
        ChangeCursor opened = source.open(consumed);
        cursor = opened;
        lifecycle.cursor(opened);
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
