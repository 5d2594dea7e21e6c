package io.ddt.internal.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import io.ddt.event.ChangeEvent;

/**
 * Holds each event until its source wall time plus the configured delay, for a target kept a
 * fixed time behind the source. An event without a wall time (change streams before MongoDB
 * 6.0) is timed by its cluster time, whose seconds are the source's clock too. Used by the
 * dispatcher thread only.
 */
final class DelayGate {

    private static final long SLICE_MILLIS = 100;

    private final Duration delay;
    private final BooleanSupplier stopping;

    DelayGate(Duration delay, BooleanSupplier stopping) {
        this.delay = delay;
        this.stopping = stopping;
    }

    /**
     * Returns once the event may be applied, or applying stops; runs {@code beforeWaiting} once
     * first if it has to wait, so that what was routed before is applied meanwhile.
     */
    void await(ChangeEvent event, Runnable beforeWaiting) throws InterruptedException {
        if (delay.isZero()) {
            return;
        }
        Instant time = event.wallTime() != null ? event.wallTime()
            : Instant.ofEpochSecond(event.position().clusterTime().getTime());
        long due = time.plus(delay).toEpochMilli();
        long wait = due - System.currentTimeMillis();
        if (wait > 0) {
            beforeWaiting.run();
        }
        while (wait > 0 && !stopping.getAsBoolean()) {
            Thread.sleep(Math.min(wait, SLICE_MILLIS));
            wait = due - System.currentTimeMillis();
        }
    }
}
