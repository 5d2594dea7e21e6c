package io.ddt;

import java.util.Objects;
import java.util.Optional;

import org.bson.BsonTimestamp;

/**
 * Thrown when the position a stream should start from is no longer in the source's oplog: the
 * source has already overwritten the entries between that position and its oldest entry.
 *
 * <p>This happens when a job resumes from a checkpoint that is older than the source's oplog
 * window (the job was stopped too long, or the oplog is too small for the write rate), or when a
 * full copy takes longer than that window. The missing changes cannot be recovered from the
 * oplog: the only way to a consistent target is a new full copy, for example with
 * {@code SyncMode.FULL_AND_REALTIME}. To keep it from happening again, give the source a larger
 * oplog ({@code replSetResizeOplog}) or a minimum retention ({@code oplogMinRetentionHours}),
 * and keep stops shorter than the window.
 *
 * <p>The oldest available time is known when the reader could look at the oplog's first entry;
 * a change stream that fails with {@code ChangeStreamHistoryLost} does not say it.
 */
public class HistoryLostException extends DdtException {

    private static final long serialVersionUID = 1L;

    /** The cluster time the stream was asked to start from. */
    private final BsonTimestamp requested;
    /** The oplog's oldest entry, or null when unknown. */
    private final BsonTimestamp oldestAvailable;

    /**
     * Creates the exception for a start position older than the oplog's first entry.
     *
     * @param requested the cluster time the stream was asked to start from; not null
     * @param oldestAvailable the cluster time of the oplog's oldest entry, or {@code null} if
     *     unknown
     * @throws NullPointerException if {@code requested} is null
     */
    public HistoryLostException(BsonTimestamp requested, BsonTimestamp oldestAvailable) {
        this(requested, oldestAvailable, null);
    }

    /**
     * Creates the exception for a start position older than the oplog's first entry, keeping
     * the server error that reported it.
     *
     * @param requested the cluster time the stream was asked to start from; not null
     * @param oldestAvailable the cluster time of the oplog's oldest entry, or {@code null} if
     *     unknown
     * @param cause the server error (for example {@code ChangeStreamHistoryLost}); may be null
     * @throws NullPointerException if {@code requested} is null
     */
    public HistoryLostException(BsonTimestamp requested, BsonTimestamp oldestAvailable, Throwable cause) {
        super(message(Objects.requireNonNull(requested, "requested"), oldestAvailable), cause);
        this.requested = requested;
        this.oldestAvailable = oldestAvailable;
    }

    /**
     * Returns the cluster time the stream was asked to start from.
     *
     * @return the requested start time; never null
     */
    public BsonTimestamp requestedClusterTime() {
        return requested;
    }

    /**
     * Returns the cluster time of the oldest entry left in the source's oplog.
     *
     * @return the oldest available time, or empty when the reader could not learn it
     */
    public Optional<BsonTimestamp> oldestAvailableClusterTime() {
        return Optional.ofNullable(oldestAvailable);
    }

    private static String message(BsonTimestamp requested, BsonTimestamp oldest) {
        String lost = "The source's oplog no longer holds the start position "
            + ErrorText.timestamp(requested) + ": ";
        if (oldest == null) {
            lost += "the changes made since then are lost. ";
        } else if (oldest.compareTo(requested) > 0) {
            long behind = oldest.getTime() - requested.getTime();
            lost += "its oldest entry is at " + ErrorText.timestamp(oldest) + ", "
                + ErrorText.duration(behind) + " later, so the changes in between are lost. ";
        } else {
            lost += "its oldest entry is at " + ErrorText.timestamp(oldest) + ". ";
        }
        return lost + "Start again with a full copy (for example SyncMode.FULL_AND_REALTIME); to keep "
            + "it from happening again, enlarge the source's oplog (replSetResizeOplog) or set "
            + "oplogMinRetentionHours, and keep stops shorter than the oplog window.";
    }
}
