package io.ddt.testkit.internal.changestream;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/**
 * Where one op sits: the cluster time and wall time its event shows, its place in a transaction
 * and in the oplog. An op outside {@code applyOps} is its own entry; an op inside one takes its
 * cluster time, wall time and session from the entry that commits it.
 *
 * @param clusterTime the event's {@code clusterTime}
 * @param wall the event's {@code wallTime}, or null if the entry has no {@code wall}
 * @param inApplyOps whether the op came out of an {@code applyOps} array
 * @param txnOpIndex the op's index among all ops of that applyOps chain; 0 outside one
 * @param lsid the transaction's session, or null (not a transaction, or a batched write)
 * @param txnNumber the transaction's number, or null
 * @param entryTs the ts of the entry that holds the op
 * @param indexInEntry the op's index in that entry's applyOps; 0 outside one
 */
record OpContext(BsonTimestamp clusterTime, BsonValue wall, boolean inApplyOps, int txnOpIndex,
        BsonDocument lsid, BsonValue txnNumber, BsonTimestamp entryTs, int indexInEntry) {

    /** The context of an entry that stands alone. */
    static OpContext standalone(BsonDocument entry) {
        BsonTimestamp ts = OplogFields.ts(entry);
        return new OpContext(ts, entry.get("wall"), false, 0, null, null, ts, 0);
    }

    /**
     * The context of an op of an applyOps chain committed by {@code commit}.
     *
     * @param commit the entry that commits the chain (its last applyOps, or commitTransaction)
     * @param txnOpIndex the op's index in the whole chain
     * @param holder the applyOps entry that holds the op
     * @param indexInEntry the op's index in the holder's applyOps array
     */
    static OpContext transactionOp(BsonDocument commit, int txnOpIndex, BsonDocument holder,
            int indexInEntry) {
        // Ops applied separately (8.0 retryable batched writes) are not shown with a session.
        boolean session = !OplogFields.isAppliedSeparately(commit);
        BsonValue lsid = session ? commit.get("lsid") : null;
        return new OpContext(OplogFields.ts(commit), commit.get("wall"), true, txnOpIndex,
                lsid != null && lsid.isDocument() ? lsid.asDocument() : null,
                session ? commit.get("txnNumber") : null, OplogFields.ts(holder), indexInEntry);
    }
}
