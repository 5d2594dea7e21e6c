package io.ddt.spi;

/**
 * Receives a full copy's progress. Called from the copier's threads, possibly several at once:
 * implementations must be thread-safe, quick and must not block; an exception thrown here
 * fails the copy.
 */
public interface CopyListener {

    /** A listener that ignores everything. */
    CopyListener NONE = new CopyListener() {
    };

    /**
     * The copy state moved on: a batch was written, a range or a collection finished. A
     * checkpoint taken from {@code state} is safe: everything it says is written is written.
     *
     * @param state the newest state
     */
    default void stateChanged(CopyState state) {
    }

    /**
     * A periodic report of every collection's progress, at the copier's reporting cadence.
     *
     * @param progress the figures
     */
    default void progress(CopyProgress progress) {
    }

    /**
     * The target refused a document and the reject policy says to skip it.
     *
     * @param namespace the source namespace
     * @param id the document's {@code _id}
     * @param reason the server's error, without the document's content
     */
    default void documentRejected(String namespace, org.bson.BsonValue id, String reason) {
    }
}
