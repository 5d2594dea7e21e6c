package io.ddt.internal.apply;

import java.util.concurrent.atomic.AtomicInteger;

import io.ddt.Position;

/**
 * Counts what is left to do for one handed-over batch: its writes still queued, running or
 * parked, plus one hold that the dispatcher keeps until it has routed every event of the batch,
 * so that a batch cannot count as applied while some of it is not yet routed. The last
 * {@link #done(int)} reports the batch to the tracker.
 */
final class BatchTicket {

    private final BatchTracker tracker;
    private final Position position;
    private final long bytes;
    private final AtomicInteger pending = new AtomicInteger(1);
    /** Set once, under the tracker's lock. */
    private boolean complete;

    BatchTicket(BatchTracker tracker, Position position, long bytes) {
        this.tracker = tracker;
        this.position = position;
        this.bytes = bytes;
    }

    /** Adds writes that must be done before the batch is. */
    void add(int writes) {
        pending.addAndGet(writes);
    }

    /** Counts writes (or the dispatcher's hold) as done. */
    void done(int writes) {
        if (pending.addAndGet(-writes) == 0) {
            tracker.completed(this);
        }
    }

    Position position() {
        return position;
    }

    long bytes() {
        return bytes;
    }

    boolean isComplete() {
        return complete;
    }

    void markComplete() {
        complete = true;
    }
}
