package io.ddt.testkit.internal.changestream;

import java.util.Objects;

import org.bson.BsonBinary;
import org.bson.BsonTimestamp;

/**
 * What a resume token says: where an event sits in the stream and in the oplog. Immutable.
 *
 * <p>Events are ordered by {@code clusterTime}, then {@code txnOpIndex}, then
 * {@code fromInvalidate}; a high-water mark for a cluster time sorts before every event at that
 * time. {@link ResumeToken#encode} keeps that order in the token's {@code _data} string.
 *
 * @param clusterTime the {@code ts} of the oplog entry that made the event visible: the entry
 *     itself, or for a transaction the entry that committed it
 * @param highWaterMark true for a token that marks a cluster time and no event
 * @param txnOpIndex the op's index among all ops of its transaction (across a whole
 *     {@code partialTxn} chain, counting ops the stream does not show); 0 outside transactions
 * @param fromInvalidate true for the {@code invalidate} event that follows a drop, rename or
 *     dropDatabase
 * @param collectionUuid the {@code ui} of the op, or null where it has none (dropDatabase,
 *     high-water marks)
 * @param entryTs the {@code ts} of the oplog entry that holds the op (for a transaction, the
 *     {@code applyOps} entry of the chain); null for high-water marks and for tokens written by a
 *     real server, whose event identifier we do not decode
 * @param indexInEntry the op's index inside that entry's {@code applyOps} array; 0 outside one
 * @param fragment 0 for the op's own event, 1 for the invalidate that follows it
 */
public record ResumeTokenData(
        BsonTimestamp clusterTime,
        boolean highWaterMark,
        int txnOpIndex,
        boolean fromInvalidate,
        BsonBinary collectionUuid,
        BsonTimestamp entryTs,
        int indexInEntry,
        int fragment) {

    /** Checks the arguments. */
    public ResumeTokenData {
        Objects.requireNonNull(clusterTime, "clusterTime");
        if (txnOpIndex < 0 || indexInEntry < 0 || fragment < 0) {
            throw new IllegalArgumentException("negative position in resume token data: txnOpIndex "
                    + txnOpIndex + ", indexInEntry " + indexInEntry + ", fragment " + fragment);
        }
        if (highWaterMark && (txnOpIndex > 0 || fromInvalidate || collectionUuid != null
                || entryTs != null)) {
            throw new IllegalArgumentException("a high-water mark holds only a cluster time");
        }
    }

    /**
     * Returns the data of an ordinary event's token.
     *
     * @param clusterTime the ts that made the event visible
     * @param txnOpIndex the op's index in its transaction, 0 outside one
     * @param collectionUuid the op's {@code ui}, or null
     * @param entryTs the ts of the entry holding the op
     * @param indexInEntry the op's index in that entry's applyOps, 0 outside one
     * @return the token data
     */
    public static ResumeTokenData event(BsonTimestamp clusterTime, int txnOpIndex,
            BsonBinary collectionUuid, BsonTimestamp entryTs, int indexInEntry) {
        return new ResumeTokenData(clusterTime, false, txnOpIndex, false, collectionUuid,
                Objects.requireNonNull(entryTs, "entryTs"), indexInEntry, 0);
    }

    /**
     * Returns the data of a high-water mark: a cluster time with no event.
     *
     * @param clusterTime the cluster time
     * @return the token data
     */
    public static ResumeTokenData highWaterMark(BsonTimestamp clusterTime) {
        return new ResumeTokenData(clusterTime, true, 0, false, null, null, 0, 0);
    }

    /**
     * Returns the data of the invalidate event that follows this event, which the server gives
     * the same token with the {@code fromInvalidate} flag set.
     *
     * @return the invalidate's token data
     */
    public ResumeTokenData invalidate() {
        return new ResumeTokenData(clusterTime, false, txnOpIndex, true, collectionUuid, entryTs,
                indexInEntry, fragment + 1);
    }
}
