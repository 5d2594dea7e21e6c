package io.ddt.internal.apply;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.ddt.DdtException;
import io.ddt.Position;
import io.ddt.spi.EventBatch;

/**
 * The batches handed over and not yet applied, in order: it admits a batch when its bytes fit
 * the budget (back-pressure), moves the watermark to a batch's position once that batch and
 * every earlier one are applied (or, at a DDL barrier, to a position inside a batch), and holds the first failure and the closed state, which wake
 * every waiter. Thread-safe: one lock guards it all.
 */
final class BatchTracker {

    private final long maxBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<BatchTicket> open = new ArrayDeque<>();
    private long openBytes;
    private Position lastHandedOver;
    private volatile Position watermark;
    private volatile DdtException failure;
    private volatile boolean closed;

    BatchTracker(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Waits until the batch fits the byte budget (a batch alone is let through whatever its
     * size, so none can stall), then opens its ticket.
     */
    BatchTicket admit(EventBatch batch) throws InterruptedException {
        lock.lock();
        try {
            while (usable() && openBytes > 0 && openBytes + batch.bytes() > maxBytes) {
                changed.await();
            }
            checkUsable();
            BatchTicket ticket = new BatchTicket(this, batch.position(), batch.bytes());
            open.add(ticket);
            openBytes += batch.bytes();
            lastHandedOver = batch.position();
            return ticket;
        } finally {
            lock.unlock();
        }
    }

    /** Called once per ticket, by the thread that did its last write. */
    void completed(BatchTicket ticket) {
        lock.lock();
        try {
            ticket.markComplete();
            while (!open.isEmpty() && open.peek().isComplete()) {
                BatchTicket head = open.poll();
                openBytes -= head.bytes();
                raise(head.position());
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves the watermark up to a position inside the oldest open batch, which the dispatcher
     * knows is applied up to there (at a DDL barrier); never moves it back.
     */
    void advance(Position position) {
        lock.lock();
        try {
            raise(position);
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock. */
    private void raise(Position position) {
        if (watermark == null || position.compareTo(watermark) > 0) {
            watermark = position;
        }
    }

    /** Waits until every batch handed over is applied; returns the last one's position, or null if none was. */
    Position awaitAllApplied() throws InterruptedException {
        lock.lock();
        try {
            while (usable() && !open.isEmpty()) {
                changed.await();
            }
            checkUsable();
            return lastHandedOver;
        } finally {
            lock.unlock();
        }
    }

    /** True once a batch was admitted. */
    boolean handedOver() {
        lock.lock();
        try {
            return lastHandedOver != null;
        } finally {
            lock.unlock();
        }
    }

    Optional<Position> watermark() {
        return Optional.ofNullable(watermark);
    }

    /** Bytes handed over and not yet applied. */
    long openBytes() {
        lock.lock();
        try {
            return openBytes;
        } finally {
            lock.unlock();
        }
    }

    /** Keeps the first failure and wakes every waiter, which then throws it. */
    void fail(DdtException error) {
        lock.lock();
        try {
            if (failure == null) {
                failure = error;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** True once applying must stop: failed or closed. */
    boolean stopping() {
        return failure != null || closed;
    }

    /** Throws the failure, or that the applier is closed. */
    void checkUsable() {
        DdtException error = failure;
        if (error != null) {
            throw error;
        }
        if (closed) {
            throw new IllegalStateException("the change applier is closed");
        }
    }

    private boolean usable() {
        return failure == null && !closed;
    }
}
