package io.ddt.internal.stream;

import java.time.Duration;
import java.util.Objects;

import io.ddt.Position;
import io.ddt.spi.EventBatch;
import io.ddt.spi.EventStream;

/**
 * What the oplog tail and the change stream share: the loop of {@link #next} that fills a batch
 * from a cursor, one read or one server wait at a time, and the closing from another thread.
 * Used by one thread at a time; {@link #close()} from any thread.
 */
abstract class BatchingStream implements EventStream {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BatchingStream.class);

    final StreamSettings settings;
    final StreamLifecycle lifecycle = new StreamLifecycle();
    final NamespaceSelection selection;
    final RetryClock retry;
    private final String what;
    /** Whether this call of {@code next} has asked the server for more: each call asks at least once. */
    private boolean askedThisCall;

    /**
     * @param what what is read, for messages ("the source's oplog")
     */
    BatchingStream(StreamSettings settings, String what) {
        this.settings = settings;
        this.what = what;
        this.selection = new NamespaceSelection(settings.filter());
        this.retry = new RetryClock(what, settings.retryTimeout());
    }

    @Override
    public final EventBatch next(Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + Objects.requireNonNull(maxWait, "maxWait").toNanos();
        if (!lifecycle.enter()) {
            return EventBatch.idle(position());
        }
        try {
            askedThisCall = false;
            BatchCollector batch = new BatchCollector(settings);
            while (!ended() && !batch.full() && !lifecycle.closed() && step(batch, deadline)) {
                if (Thread.interrupted()) {
                    throw interrupted(null);
                }
            }
            EventBatch done = finish(batch);
            if (!done.events().isEmpty()) {
                LOG.debug("Read {} events ({} bytes) from {} up to {}", done.events().size(), done.bytes(), what,
                    done.position());
            }
            return done;
        } finally {
            lifecycle.exit();
        }
    }

    @Override
    public final void close() {
        lifecycle.close();
    }

    /**
     * Tells whether to read from the cursor now: always what it holds already; more from the
     * server only while the batch is empty, and after the deadline only if this call has not
     * asked yet.
     */
    final boolean mayRead(boolean buffered, BatchCollector batch, long deadline) {
        if (!buffered && (!batch.isEmpty() || askedThisCall && System.nanoTime() >= deadline)) {
            return false;
        }
        askedThisCall |= !buffered;
        return true;
    }

    final InterruptedException interrupted(Throwable cause) {
        InterruptedException interrupted = new InterruptedException("interrupted while reading " + what);
        interrupted.initCause(cause);
        return interrupted;
    }

    /** The position of the last batch handed over. */
    abstract Position position();

    /** True once the end position is reached. */
    abstract boolean ended();

    /** Reads one change or waits once for more; false when the batch is to be returned now. */
    abstract boolean step(BatchCollector batch, long deadline) throws InterruptedException;

    /** Returns the batch with its position. */
    abstract EventBatch finish(BatchCollector batch);
}
