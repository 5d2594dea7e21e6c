package io.ddt.spi;

import java.time.Duration;

/**
 * One open stream of a {@link OplogStreamer}: batches of events in the source's order.
 *
 * <p>Used by one thread at a time. {@link #close()} may be called from any thread, also while
 * another is waiting in {@link #next}, which then returns promptly (within the time the source
 * is asked to wait per read) with an empty batch at the position reached; a {@code next} called
 * after {@code close} returns such a batch at once. Neither is marked {@link EventBatch#last()}.
 */
public interface EventStream extends AutoCloseable {

    /**
     * Returns the next batch, waiting at most {@code maxWait} for events to arrive.
     *
     * <p>On a quiet source the batch is empty but its position still moves on, to the source's
     * idle time (no-op entries, post-batch resume tokens), so lag can be measured; it may also
     * stay where it was if the source said nothing new in time.
     *
     * @param maxWait how long to wait for events; the call may return earlier, and later by at
     *     most the time the source is asked to wait per read (each call asks the source at least
     *     once, also with a zero wait)
     * @return the batch; {@link EventBatch#last()} is true on the batch that reaches the end
     *     position, after which the stream has nothing more
     * @throws InterruptedException if the thread is interrupted while waiting
     * @throws io.ddt.DdtException if the source cannot be read (transient errors are retried
     *     inside the stream first), or an entry cannot be understood
     */
    EventBatch next(Duration maxWait) throws InterruptedException;

    /** Stops reading and frees the cursor. Idempotent; never throws. */
    @Override
    void close();
}
