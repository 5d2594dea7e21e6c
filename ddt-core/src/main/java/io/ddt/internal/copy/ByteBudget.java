package io.ddt.internal.copy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bytes of documents in flight, shared by every copy worker: a worker takes bytes before it
 * holds a document and gives them back once the document is written. A full budget blocks the
 * reader instead of growing the heap. A single document larger than the whole budget is let
 * through alone, so that no document can stall the copy.
 */
final class ByteBudget {

    private final long capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private long used;
    private long peak;

    ByteBudget(long capacity) {
        this.capacity = capacity;
    }

    /** Takes bytes if they fit now; never blocks. */
    boolean tryAcquire(long bytes) {
        lock.lock();
        try {
            if (used + bytes <= capacity || used == 0) {
                take(bytes);
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Takes bytes, waiting while the budget is full. */
    void acquire(long bytes) throws InterruptedException {
        lock.lock();
        try {
            while (used + bytes > capacity && used > 0) {
                released.await(1, TimeUnit.SECONDS);
            }
            take(bytes);
        } finally {
            lock.unlock();
        }
    }

    private void take(long bytes) {
        used += bytes;
        peak = Math.max(peak, used);
    }

    void release(long bytes) {
        lock.lock();
        try {
            used -= bytes;
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The most bytes ever held at once. */
    long peak() {
        lock.lock();
        try {
            return peak;
        } finally {
            lock.unlock();
        }
    }
}
