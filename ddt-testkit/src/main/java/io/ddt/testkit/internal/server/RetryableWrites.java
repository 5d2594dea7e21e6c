package io.ddt.testkit.internal.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The session table a member keeps for retryable writes: the reply of the last write of each
 * session, by {@code txnNumber}. A retry of a write that already ran (its reply was lost with the
 * connection) gets the same reply again and changes nothing, so a retried {@code $inc} counts
 * once and the oplog holds one entry, as on a real member.
 */
final class RetryableWrites {

    private record Done(long txnNumber, BsonDocument reply) {
    }

    private final Map<BsonValue, Done> done = new ConcurrentHashMap<>();

    /** The reply of this session's write with this txnNumber if it already ran, else null. */
    BsonDocument executed(WriteContext context) {
        Done last = done.get(context.lsid().get("id"));
        return last != null && last.txnNumber() == context.txnNumber().getValue() ? last.reply().clone() : null;
    }

    void record(WriteContext context, BsonDocument reply) {
        done.put(context.lsid().get("id"), new Done(context.txnNumber().getValue(), reply.clone()));
    }

    void clear() {
        done.clear();
    }
}
