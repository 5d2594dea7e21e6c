package io.ddt.event;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import io.ddt.Namespace;

/**
 * A change to one document: {@link Insert}, {@link Update}, {@link Replace} or {@link Delete}.
 *
 * <p>The document key identifies the document as the source gave it: its {@code _id} and, for a
 * sharded collection, the shard key fields, in the source's field order. From the oplog it is
 * {@code o2} where the entry has one, else the {@code _id} of an insert or replacement, or the
 * {@code o} of a delete; from a change stream it is {@code documentKey}. Appliers partition by
 * (namespace, key) so that each document's changes stay in order.
 */
public sealed interface DocumentChange extends ChangeEvent permits Insert, Update, Replace, Delete {

    /**
     * Returns the namespace of the changed document.
     *
     * @return the namespace; never null
     */
    Namespace namespace();

    /**
     * Returns the document key: the {@code _id} and, for a sharded collection, the shard key.
     *
     * @return the key, as the source gave it; never null
     */
    BsonDocument documentKey();

    /**
     * Returns the document's {@code _id}, read from the document key.
     *
     * @return the {@code _id}; null only for an event built by hand from a key without one, since
     *     {@link ChangeEvents} rejects such keys
     */
    default BsonValue id() {
        return documentKey().get("_id");
    }
}
