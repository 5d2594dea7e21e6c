package io.ddt.testkit.internal.server;

import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.RawBsonDocument;

/**
 * The fake member's {@code local.oplog.rs}: entries ordered by {@code ts}, capped by bytes like a
 * real oplog, and a condition that tailing readers wait on instead of polling.
 *
 * <p>Thread-safe. Appends are made by the writer that holds the server's write lock, so the
 * order of {@code ts} is the order of the writes.
 */
public final class OplogStore {

    private final ConcurrentSkipListMap<Long, RawBsonDocument> entries = new ConcurrentSkipListMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private final long maxBytes;
    private long bytes;
    private long lastTimestamp;
    private long wakeups;

    public OplogStore(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Returns the next cluster time: the wall clock's second, with an increment that grows
     * within a second and never goes backwards.
     */
    public BsonTimestamp nextTimestamp() {
        lock.lock();
        try {
            long seconds = System.currentTimeMillis() / 1000;
            long lastSeconds = lastTimestamp >>> 32;
            long next = seconds > lastSeconds ? (seconds << 32) | 1 : lastTimestamp + 1;
            lastTimestamp = next;
            return new BsonTimestamp(next);
        } finally {
            lock.unlock();
        }
    }

    /** Returns the newest cluster time handed out, or time zero before the first write. */
    public BsonTimestamp lastTimestamp() {
        lock.lock();
        try {
            return new BsonTimestamp(lastTimestamp);
        } finally {
            lock.unlock();
        }
    }

    /** Appends an entry whose {@code ts} came from {@link #nextTimestamp()}, trimming the oldest. */
    public void append(BsonDocument entry) {
        RawBsonDocument raw = entry instanceof RawBsonDocument ? (RawBsonDocument) entry
            : new RawBsonDocument(WireCodec.encode(entry));
        long ts = entry.getTimestamp("ts").getValue();
        lock.lock();
        try {
            entries.put(ts, raw);
            bytes += raw.getByteBuffer().remaining();
            trim();
            appended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void trim() {
        while (bytes > maxBytes && entries.size() > 1) {
            Map.Entry<Long, RawBsonDocument> first = entries.pollFirstEntry();
            bytes -= first.getValue().getByteBuffer().remaining();
        }
    }

    /** Removes every entry older than {@code ts}, as if the capped oplog had rolled over. */
    public void truncateBefore(BsonTimestamp ts) {
        lock.lock();
        try {
            NavigableMap<Long, RawBsonDocument> head = entries.headMap(ts.getValue(), false);
            for (Iterator<RawBsonDocument> it = head.values().iterator(); it.hasNext(); ) {
                bytes -= it.next().getByteBuffer().remaining();
                it.remove();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Entries strictly after {@code ts} (or from {@code ts} on when inclusive), oldest first. */
    public NavigableMap<Long, RawBsonDocument> after(long ts, boolean inclusive) {
        return entries.tailMap(ts, inclusive);
    }

    /** Entries in descending order of {@code ts}. */
    public NavigableMap<Long, RawBsonDocument> descending() {
        return entries.descendingMap();
    }

    /** Returns the oldest entry's {@code ts}, or null when the oplog is empty. */
    public Long firstTs() {
        Map.Entry<Long, RawBsonDocument> first = entries.firstEntry();
        return first == null ? null : first.getKey();
    }

    public boolean contains(long ts) {
        return entries.containsKey(ts);
    }

    public int size() {
        return entries.size();
    }

    public long sizeBytes() {
        lock.lock();
        try {
            return bytes;
        } finally {
            lock.unlock();
        }
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Waits until an entry newer than {@code ts} exists or the timeout passes.
     *
     * @return true if a newer entry exists
     */
    public boolean awaitAfter(long ts, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lock();
        try {
            long generation = wakeups;
            while (entries.isEmpty() || entries.lastKey() <= ts) {
                if (wakeups != generation) {
                    return false;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                appended.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Ends every wait at once, for example when the server stops: waiting readers return empty. */
    public void wakeAll() {
        lock.lock();
        try {
            wakeups++;
            appended.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
