package io.ddt.testkit.internal.changestream;

import java.util.List;
import java.util.Objects;

import org.bson.BsonDocument;

/**
 * A group of {@code applyOps} entries that became visible together, and the entry that made them
 * visible. Immutable (the list is copied).
 *
 * <p>Three shapes: a lone applyOps entry (a small transaction or a batched write) is both the
 * commit and the only entry; an unprepared {@code partialTxn} chain is its entries in oplog
 * order, the last of which (without {@code partialTxn}) is the commit; a prepared transaction is
 * its entries up to the one with {@code prepare: true}, committed by a later
 * {@code commitTransaction} entry.
 *
 * @param commitEntry the entry whose {@code ts}, {@code wall}, {@code lsid} and
 *     {@code txnNumber} every event of the group carries
 * @param applyOpsEntries the entries holding the ops, in oplog order
 */
public record CommittedTransaction(BsonDocument commitEntry, List<BsonDocument> applyOpsEntries) {

    /** Checks the arguments and copies the list. */
    public CommittedTransaction {
        Objects.requireNonNull(commitEntry, "commitEntry");
        applyOpsEntries = List.copyOf(applyOpsEntries);
        if (applyOpsEntries.isEmpty()) {
            throw new IllegalArgumentException("a committed transaction holds at least one applyOps"
                    + " entry; commit is " + OplogFields.describe(commitEntry));
        }
    }
}
