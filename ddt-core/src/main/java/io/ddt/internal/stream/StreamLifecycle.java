package io.ddt.internal.stream;

/**
 * The open-or-closed state of one stream and the cursor it reads, shared by the reading thread
 * and any thread that closes the stream. A close while the reader waits on the server leaves the
 * cursor to the reader, which closes it when its call returns: a driver cursor must not be closed
 * under a running {@code getMore}. Thread-safe.
 */
final class StreamLifecycle {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StreamLifecycle.class);

    private final Object lock = new Object();
    private boolean closed;
    private boolean reading;
    private AutoCloseable cursor;

    /** Marks the start of a read; false when the stream is closed and nothing must be read. */
    boolean enter() {
        synchronized (lock) {
            reading = !closed;
            return reading;
        }
    }

    /** Marks the end of a read; closes the cursor if the stream was closed meanwhile. */
    void exit() {
        AutoCloseable toClose = null;
        synchronized (lock) {
            reading = false;
            if (closed) {
                toClose = cursor;
                cursor = null;
            }
        }
        closeQuietly(toClose);
    }

    boolean closed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** Replaces the open cursor (the reader's call), closing the one before. */
    void cursor(AutoCloseable next) {
        AutoCloseable previous;
        synchronized (lock) {
            previous = cursor;
            cursor = next;
        }
        if (previous != next) {
            closeQuietly(previous);
        }
    }

    /** Closes the stream; the cursor too, unless a read is running. Idempotent. */
    void close() {
        AutoCloseable toClose = null;
        synchronized (lock) {
            closed = true;
            if (!reading) {
                toClose = cursor;
                cursor = null;
            }
            lock.notifyAll();
        }
        closeQuietly(toClose);
    }

    /** Waits, as between retries, until the time passes or the stream is closed. */
    void pause(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        synchronized (lock) {
            long left;
            while (!closed && (left = deadline - System.nanoTime()) > 0) {
                lock.wait(Math.max(1, left / 1_000_000L));
            }
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            // Closing frees a server cursor that times out by itself anyway; the stream's close
            // promises not to throw, so a failure here is only worth a debug line.
            LOG.debug("Closing a cursor failed: {}", e.toString());
        }
    }
}
