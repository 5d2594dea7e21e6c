package io.ddt.testkit.internal.server;

import java.util.concurrent.locks.ReentrantLock;

import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonTimestamp;

/**
 * The state of one fake replica-set member, kept across {@code stop()} and {@code restart()}:
 * the engine holding the documents, the ordered {@code _id} index beside it, the catalog, the
 * oplog and the parts that write to them. One write lock orders every write, so oplog order is
 * the order of the writes.
 */
public final class FakeMember {

    private final ReentrantLock writeLock = new ReentrantLock();
    private final MjsEngine engine = new MjsEngine();
    private final IdIndex idIndex = new IdIndex();
    private final Catalog catalog = new Catalog();
    private final OplogStore oplog;
    private final Transactions transactions = new Transactions();
    private final OplogWriter oplogWriter;
    private final DocumentWrites writes = new DocumentWrites(this);
    private final CollectionCommands ddl = new CollectionCommands(this);
    private final IndexCommands indexes = new IndexCommands(this);
    private final UniqueConstraints constraints = new UniqueConstraints(this);
    private final CappedCollections capped = new CappedCollections(this);
    private final Cursors cursors = new Cursors();
    private final IndexedReads indexedReads = new IndexedReads(this);
    private final FailPoints failPoints = new FailPoints();
    private volatile long lastWriteNanos = System.nanoTime();

    public FakeMember(long oplogSizeBytes) {
        this.oplog = new OplogStore(oplogSizeBytes);
        this.oplogWriter = new OplogWriter(oplog, transactions);
        // As rs.initiate() does: a real member's oplog is never empty, and a reader that starts
        // from the newest entry of a new member must find one.
        write(() -> oplogWriter.noop(new BsonDocument("msg", new BsonString("initiating set"))));
    }

    /** Runs a write with the write lock held; every write and DDL command goes through here. */
    public <T> T write(java.util.function.Supplier<T> action) {
        writeLock.lock();
        try {
            return action.get();
        } finally {
            lastWriteNanos = System.nanoTime();
            writeLock.unlock();
        }
    }

    /** Writes a periodic no-op if nothing was written for {@code idleMillis}, as a primary does. */
    public void noopIfIdle(long idleMillis) {
        if (System.nanoTime() - lastWriteNanos < idleMillis * 1_000_000L) {
            return;
        }
        write(() -> oplogWriter.noop(new BsonDocument("msg", new BsonString("periodic noop"))));
    }

    public OplogStore oplog() {
        return oplog;
    }

    public BsonTimestamp lastTimestamp() {
        return oplog.lastTimestamp();
    }

    public long getMoreCount() {
        return cursors.getMoreCount();
    }

    MjsEngine engine() {
        return engine;
    }

    IdIndex idIndex() {
        return idIndex;
    }

    Catalog catalog() {
        return catalog;
    }

    OplogWriter oplogWriter() {
        return oplogWriter;
    }

    Transactions transactions() {
        return transactions;
    }

    DocumentWrites writes() {
        return writes;
    }

    CollectionCommands ddl() {
        return ddl;
    }

    IndexCommands indexes() {
        return indexes;
    }

    UniqueConstraints constraints() {
        return constraints;
    }

    CappedCollections capped() {
        return capped;
    }

    IndexedReads indexedReads() {
        return indexedReads;
    }

    Cursors cursors() {
        return cursors;
    }

    FailPoints failPoints() {
        return failPoints;
    }

    /** Forgets what a restart forgets: open cursors and fail points. */
    public void restarted() {
        cursors.clear();
        failPoints.clear();
        oplog.wakeAll();
    }

    public void close() {
        cursors.clear();
        oplog.wakeAll();
        engine.close();
    }
}
