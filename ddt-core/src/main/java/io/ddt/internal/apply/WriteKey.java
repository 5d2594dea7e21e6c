package io.ddt.internal.apply;

import org.bson.BsonValue;

import io.ddt.Namespace;
import io.ddt.event.DocumentChange;

/**
 * Which document a write touches on the target: its target namespace and {@code _id}. Writes with
 * equal keys go to one worker, in order.
 *
 * <p>The {@code _id} rather than the whole document key, so that a document whose shard key
 * value changed (logged as a delete under the old key and an insert under the new one) keeps its
 * order too; every event of one document carries its {@code _id}.
 */
record WriteKey(Namespace namespace, BsonValue id) {

    static WriteKey of(Namespace target, DocumentChange change) {
        BsonValue id = change.id();
        return new WriteKey(target, id == null ? change.documentKey() : id);
    }

    /** The worker for this key among {@code count}: the hash spread so that sequential ids do not fall into stripes. */
    int partition(int count) {
        int hash = hashCode() * 0x9E3779B9;
        return Math.floorMod(hash ^ (hash >>> 16), count);
    }
}
