package io.ddt.internal.stream;

import java.time.Duration;

import com.mongodb.MongoException;

import io.ddt.DdtException;
import io.ddt.internal.ServerErrors;

/**
 * Times the retries of one stream: how long it has failed without progress, and how long to wait
 * before the next attempt (100 ms, doubling to 2 s). Not thread-safe: the reading thread owns it.
 */
final class RetryClock {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RetryClock.class);
    private static final long FIRST_PAUSE_MILLIS = 100;
    private static final long LAST_PAUSE_MILLIS = 2000;

    private final String what;
    private final Duration timeout;
    private long failingSinceNanos = -1;
    private long pauseMillis = FIRST_PAUSE_MILLIS;

    /**
     * @param what what is read, for messages ("the source's oplog")
     * @param timeout how long to retry without progress
     */
    RetryClock(String what, Duration timeout) {
        this.what = what;
        this.timeout = timeout;
    }

    /** Records progress: the next failure starts a new count. */
    void succeeded() {
        failingSinceNanos = -1;
        pauseMillis = FIRST_PAUSE_MILLIS;
    }

    /**
     * Records a transient failure and returns how long to pause before reopening.
     *
     * @param where the position the stream reopens from, for the log and the message
     * @throws DdtException when the failures have lasted longer than the timeout
     */
    long failed(MongoException error, Object where) {
        long now = System.nanoTime();
        if (failingSinceNanos < 0) {
            failingSinceNanos = now;
        }
        if (now - failingSinceNanos > timeout.toNanos()) {
            throw new DdtException("Gave up reading " + what + " at " + where + " after retrying for " + timeout.toSeconds()
                + " s: " + ServerErrors.describe(error) + ". Check that the source is reachable, then start the stream again from"
                + " the last position applied.", error);
        }
        LOG.warn("Reading {} failed ({}); reopening from {}", what, ServerErrors.describe(error), where);
        long pause = pauseMillis;
        pauseMillis = Math.min(LAST_PAUSE_MILLIS, pauseMillis * 2);
        return pause;
    }
}
