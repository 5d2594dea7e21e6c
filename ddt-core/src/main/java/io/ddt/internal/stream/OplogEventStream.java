package io.ddt.internal.stream;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.bson.BsonTimestamp;
import org.bson.RawBsonDocument;

import com.mongodb.MongoException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.client.MongoCursor;

import io.ddt.DdtException;
import io.ddt.Position;
import io.ddt.event.ChangeEvent;
import io.ddt.internal.copy.ErrorText;
import io.ddt.spi.EventBatch;
import io.ddt.spi.EventStream;

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
final class OplogEventStream implements EventStream {

    private final OplogSource source;
    private final StreamSettings settings;
    private final NamespaceSelection selection;
    private final TransactionReader transactions;
    private final RetryClock retry;
    private final StreamLifecycle lifecycle = new StreamLifecycle();
    private final Position until;
    private MongoCursor<RawBsonDocument> cursor;
    private MongoException lastError;
    private BsonTimestamp lastRead;
    private Position position;
    private boolean untilVisible;
    private boolean ended;
    /** Whether this call of {@code next} has asked the server for more: each call asks at least once. */
    private boolean askedThisCall;

    OplogEventStream(OplogSource source, StreamSettings settings, Position after, Position until) {
        this.source = source;
        this.settings = settings;
        this.selection = new NamespaceSelection(settings.filter());
        this.transactions = new TransactionReader(source);
        this.retry = new RetryClock("the source's oplog", settings.retryTimeout());
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
                + ErrorText.of(e) + ". Check that the source is reachable and that the user may read local.oplog.rs.", e);
        }
    }

    @Override
    public EventBatch next(Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + Objects.requireNonNull(maxWait, "maxWait").toNanos();
        if (!lifecycle.enter()) {
            return EventBatch.idle(position);
        }
        try {
            askedThisCall = false;
            BatchCollector batch = new BatchCollector(settings);
            while (!ended && !batch.full() && !lifecycle.closed() && step(batch, deadline)) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while reading the source's oplog");
                }
            }
            return finish(batch);
        } finally {
            lifecycle.exit();
        }
    }

    @Override
    public void close() {
        lifecycle.close();
    }

    /** Reads one entry, or waits once for more; false when the batch is to be returned now. */
    private boolean step(BatchCollector batch, long deadline) throws InterruptedException {
        try {
            if (cursor == null) {
                reopen();
            }
            boolean buffered = cursor.available() > 0;
            if (!buffered && (!batch.isEmpty() || askedThisCall && System.nanoTime() >= deadline)) {
                return false;
            }
            askedThisCall |= !buffered;
            RawBsonDocument entry = cursor.tryNext();
            if (entry != null) {
                accept(entry, batch);
            } else if (cursor.getServerCursor() == null) {
                throw new MongoException(237, "the server closed the tailable cursor on the oplog");
            } else {
                idle();
            }
            retry.succeeded();
            return true;
        } catch (MongoInterruptedException e) {
            dropCursor();
            InterruptedException interrupted = new InterruptedException("interrupted while reading the source's oplog");
            interrupted.initCause(e);
            throw interrupted;
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

    private EventBatch finish(BatchCollector batch) {
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
                + ErrorText.of(error), error);
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

    private void dropCursor() {
        cursor = null;
        lifecycle.cursor(null);
    }
}
