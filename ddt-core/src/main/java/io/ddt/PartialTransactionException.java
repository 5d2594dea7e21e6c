package io.ddt;

/**
 * Thrown for an oplog entry that is only one part of a transaction: MongoDB writes a large
 * transaction as a chain of {@code applyOps} entries marked {@code partialTxn}, and a prepared
 * transaction as an {@code applyOps} entry marked {@code prepare} followed later by a
 * {@code commitTransaction} or {@code abortTransaction} entry. No part means anything alone.
 *
 * <p>{@code ChangeEvents.fromOplog} throws this for every such part. Read the oplog through
 * {@code TransactionAssembler} instead: it keeps the parts until the transaction commits and then
 * returns the whole transaction.
 *
 * <p>{@code TransactionAssembler} throws it too, when it meets the end of a transaction whose
 * earlier parts it never saw: the stream started inside the transaction. Its message says where
 * the previous part is; start the stream before the transaction's first entry.
 *
 * <p>Like its superclass, the message names the entry's {@code ts}, {@code op} and {@code ns}
 * and never contains document content.
 */
public class PartialTransactionException extends UnreadableEventException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which entry is a part, of what, and what to do
     */
    public PartialTransactionException(String message) {
        super(message);
    }
}
