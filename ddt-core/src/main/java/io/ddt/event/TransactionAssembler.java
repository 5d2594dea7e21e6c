package io.ddt.event;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

import io.ddt.PartialTransactionException;
import io.ddt.Position;
import io.ddt.UnreadableEventException;

/**
 * Reads the oplog entry by entry, in oplog order, and joins the transactions that MongoDB writes
 * in several entries:
 * <ul>
 *   <li>a large unprepared transaction: {@code applyOps} entries marked {@code partialTxn}, then
 *       a last {@code applyOps} without it (with the total {@code count}), which commits;</li>
 *   <li>a prepared transaction (sharded, or a replica set's two-phase commit): {@code applyOps}
 *       entries ending with one marked {@code prepare: true}, then later a
 *       {@code commitTransaction} entry, which commits, or an {@code abortTransaction} entry,
 *       which discards it.</li>
 * </ul>
 * Parts of different transactions may interleave with each other and with other entries; they
 * are told apart by {@code lsid} and {@code txnNumber}.
 *
 * <p>{@link #accept(BsonDocument)} returns, for each entry: nothing for a part of an unfinished
 * transaction; the whole {@link Transaction} for the entry that commits one, with that entry's
 * position and wall time; a {@link Noop} for an {@code abortTransaction}; and for every other
 * entry what {@link ChangeEvents#fromOplog(BsonDocument)} returns.
 *
 * <p><b>Positions.</b> While a transaction is unfinished, its parts are held here only: a reader
 * that saves its position must save one before {@link #oldestPending()}, or a restart would
 * start inside the transaction and fail on its end (see below).
 *
 * <p><b>Failures.</b> An entry that ends a transaction whose earlier parts this assembler never
 * saw (the stream started inside the transaction) fails with a
 * {@link PartialTransactionException} that says where the previous part is; start the stream
 * before the transaction's first entry. An unreadable entry fails with an
 * {@link UnreadableEventException}. Either way the assembler's state is unchanged.
 *
 * <p>Not thread-safe: one assembler serves one stream, fed by one thread. It holds the
 * operations of unfinished transactions in memory, at most what the source's unfinished
 * transactions wrote.
 */
public final class TransactionAssembler {

    private static final BsonValue COMMAND = new BsonString("c");

    /** Unfinished transactions, oldest first. */
    private final Map<TransactionId, PendingTransaction> pending = new LinkedHashMap<>();

    /** Creates an assembler with no unfinished transaction. */
    public TransactionAssembler() {
    }

    /**
     * Reads the next oplog entry.
     *
     * @param entry the next entry of {@code local.oplog.rs}, in oplog order; not null
     * @return the event the entry completes, or empty when it is a part of an unfinished
     *     transaction
     * @throws NullPointerException if {@code entry} is null
     * @throws PartialTransactionException if the entry ends a transaction whose earlier parts
     *     were never fed to this assembler
     * @throws UnreadableEventException if the entry cannot be read
     */
    public Optional<ChangeEvent> accept(BsonDocument entry) {
        Objects.requireNonNull(entry, "entry");
        try {
            return Optional.ofNullable(read(entry));
        } catch (EntryProblem problem) {
            throw ChangeEvents.failure(entry, problem);
        }
    }

    /**
     * Returns the position of the first entry of the oldest unfinished transaction. A reader that
     * saves its position for a restart must save one before this, so that the restart reads this
     * entry again.
     *
     * @return that position, or empty when no transaction is unfinished
     */
    public Optional<Position> oldestPending() {
        Iterator<PendingTransaction> oldest = pending.values().iterator();
        return oldest.hasNext() ? Optional.of(oldest.next().start()) : Optional.empty();
    }

    /**
     * Returns the number of unfinished transactions.
     *
     * @return the number of transactions whose parts are held, waiting for their commit or abort
     */
    public int pendingCount() {
        return pending.size();
    }

    /**
     * Returns the number of unfinished transactions and of the operations they hold.
     *
     * @return the text
     */
    @Override
    public String toString() {
        int operations = pending.values().stream().mapToInt(PendingTransaction::operationCount).sum();
        return "TransactionAssembler[" + EventText.count(pending.size(), "unfinished transaction") + ", "
            + EventText.count(operations, "operation") + "]";
    }

    private ChangeEvent read(BsonDocument raw) {
        BsonDocument entry = Fields.indexed(raw);
        BsonValue op = entry.get("op");
        BsonValue o = entry.get("o");
        if (op == null || !op.equals(COMMAND) || o == null || !o.isDocument() || o.asDocument().isEmpty()) {
            return ChangeEvents.fromOplog(entry);
        }
        switch (o.asDocument().getFirstKey()) {
            case "applyOps":
                return applyOps(entry, o.asDocument());
            case "commitTransaction":
                return commit(entry);
            case "abortTransaction":
                EventHeader header = OplogParser.header(entry);
                pending.remove(ApplyOps.transactionId(entry));
                return new Noop(header, "abortTransaction");
            default:
                return ChangeEvents.fromOplog(entry);
        }
    }

    private ChangeEvent applyOps(BsonDocument entry, BsonDocument o) {
        boolean part = Fields.isTrue(o, "partialTxn") || Fields.isTrue(o, "prepare");
        TransactionId id = ApplyOps.transactionId(entry);
        if (!part && (id == null || !pending.containsKey(id))) {
            if (ApplyOps.endsChain(entry, o)) {
                throw startedInside(entry, "ends a transaction");
            }
            return ChangeEvents.fromOplog(entry);
        }
        if (id == null) {
            throw EntryProblem.of("it is a part of a transaction but has no lsid and txnNumber");
        }
        PendingTransaction transaction = pending.get(id);
        if (transaction == null) {
            requireFirstPart(entry);
            transaction = new PendingTransaction(Position.of(Fields.timestamp(entry, "ts")));
        }
        transaction = transaction.with(o);
        if (part) {
            pending.put(id, transaction);
            return null;
        }
        transaction.checkCount(o);
        Transaction committed = ApplyOps.transaction(transaction.commands(), entry, OplogParser.header(entry));
        pending.remove(id);
        return committed;
    }

    private ChangeEvent commit(BsonDocument entry) {
        TransactionId id = ApplyOps.transactionId(entry);
        PendingTransaction transaction = id == null ? null : pending.get(id);
        if (transaction == null || !transaction.prepared()) {
            throw startedInside(entry, "commits a prepared transaction");
        }
        Transaction committed = ApplyOps.transaction(transaction.commands(), entry, OplogParser.header(entry));
        pending.remove(id);
        return committed;
    }

    private static void requireFirstPart(BsonDocument entry) {
        if (ApplyOps.previous(entry) != null) {
            throw startedInside(entry, "continues a transaction");
        }
    }

    private static PartialTransactionException startedInside(BsonDocument entry, String what) {
        BsonTimestamp previous = ApplyOps.previous(entry);
        String where = previous == null ? "" : " (its previous part is at " + EntryText.time(previous) + ")";
        String name = EntryText.oplog(entry);
        return new PartialTransactionException(Character.toUpperCase(name.charAt(0)) + name.substring(1) + " " + what
            + " whose earlier parts were not read" + where + ": the stream started inside the transaction. Start it"
            + " before the transaction's first entry.");
    }

    /** The parts of an unfinished transaction, kept as the server wrote them. */
    private record PendingTransaction(Position start, List<BsonDocument> commands, boolean prepared) {

        PendingTransaction(Position start) {
            this(start, List.of(), false);
        }

        /** Returns this transaction with one more {@code applyOps} part. */
        PendingTransaction with(BsonDocument command) {
            List<BsonDocument> more = new ArrayList<>(commands);
            more.add(command);
            return new PendingTransaction(start, List.copyOf(more), prepared || Fields.isTrue(command, "prepare"));
        }

        int operationCount() {
            return commands.stream().mapToInt(ApplyOps::operationCount).sum();
        }

        /** Checks the {@code count} of the last part, when it has one, against the parts held. */
        void checkCount(BsonDocument last) {
            if (last.containsKey("count") && Fields.number(last, "count") != operationCount()) {
                throw EntryProblem.of("its count says the transaction has " + Fields.number(last, "count")
                    + " operations, but its parts hold " + operationCount());
            }
        }
    }
}
