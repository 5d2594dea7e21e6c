package io.ddt.internal.stream;

import java.util.Set;

import com.mongodb.MongoException;
import com.mongodb.MongoServerException;

import io.ddt.internal.copy.TransientErrors;

/** Tells how a stream meets a server error: reopen, check the history, or fail. */
final class StreamErrors {

    /** CappedPositionLost, CursorKilled (the oplog truncated under a cursor), ChangeStreamHistoryLost. */
    private static final Set<Integer> HISTORY = Set.of(136, 237, 286);

    /**
     * The codes a driver retries a read on, and CursorNotFound (a restarted member forgets its
     * cursors): reopening from the last position read is safe after each.
     */
    private static final Set<Integer> REOPEN = Set.of(6, 7, 43, 63, 89, 91, 134, 150, 189, 262, 9001, 10107, 11600,
        11602, 13388, 13435, 13436);

    private StreamErrors() {
    }

    /** True for an error after which the stream reopens its cursor where it stopped reading. */
    static boolean isTransient(MongoException error) {
        return TransientErrors.isTransient(error)
            || error instanceof MongoServerException && REOPEN.contains(error.getCode());
    }

    /** True for an error that says the history the cursor was reading may be gone. */
    static boolean mayHaveLostHistory(MongoException error) {
        return HISTORY.contains(error.getCode());
    }
}
