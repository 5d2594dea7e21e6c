package io.ddt.internal.apply;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Writes handed to workers and not yet finished (applied or parked): what a barrier waits to
 * fall to zero. Waiting for zero also gives the waiter a view of everything the workers did
 * before, parked writes included, since both sides pass through the lock.
 */
final class InFlight {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private long count;

    void add(int writes) {
        lock.lock();
        try {
            count += writes;
        } finally {
            lock.unlock();
        }
    }

    void done(int writes) {
        lock.lock();
        try {
            count -= writes;
            if (count == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every worker is idle; returns false if {@code stop} said to give up first. */
    boolean awaitIdle(BooleanSupplier stop) throws InterruptedException {
        lock.lock();
        try {
            while (count > 0) {
                if (stop.getAsBoolean()) {
                    return false;
                }
                idle.await(100, TimeUnit.MILLISECONDS);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
