package io.ddt.testkit.internal.workload;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A token bucket: tokens accrue at a fixed rate up to a tenth of a second's worth, and each
 * operation takes one. A caller that finds the bucket empty parks until the next token is due,
 * in slices short enough to notice a stop request; {@link LockSupport#unpark} wakes it early.
 * Used by one thread at a time.
 */
final class TokenBucket {

    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final double perNano;
    private final double capacity;
    private double tokens = 1;
    private long last = System.nanoTime();

    TokenBucket(double perSecond) {
        this.perNano = perSecond / 1e9;
        this.capacity = Math.max(1, perSecond / 10);
    }

    /**
     * Takes one token, waiting for it if needed.
     *
     * @param deadline the {@link System#nanoTime()} past which to give up
     * @param stop tells the caller wants to stop
     * @return true if a token was taken; false on stop, interrupt or deadline
     */
    boolean acquire(long deadline, BooleanSupplier stop) {
        while (true) {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            long wait = (long) Math.ceil((1 - tokens) / perNano);
            if (stop.getAsBoolean() || Thread.currentThread().isInterrupted() || deadline - now < wait) {
                return false;
            }
            LockSupport.parkNanos(this, Math.min(wait, MAX_PARK_NANOS));
        }
    }
}
