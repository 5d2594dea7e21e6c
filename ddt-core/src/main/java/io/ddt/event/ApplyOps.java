package io.ddt.event;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/**
 * Reads {@code applyOps} entries into {@link Transaction}s, and tells which of them are parts
 * of a transaction written in several entries.
 */
final class ApplyOps {

    private ApplyOps() {
    }

    /**
     * Reads an {@code applyOps} that is a whole transaction or command by itself, or fails with
     * a transaction-part problem for the parts of a longer one.
     */
    static Transaction single(BsonDocument entry, BsonDocument o, EventHeader header) {
        if (Fields.isTrue(o, "partialTxn")) {
            throw EntryProblem.transactionPart("a partialTxn part of a transaction");
        }
        if (Fields.isTrue(o, "prepare")) {
            throw EntryProblem.transactionPart("the prepare part of a prepared transaction");
        }
        if (endsChain(entry, o)) {
            throw EntryProblem.transactionPart("the last part of a transaction written in several entries");
        }
        return transaction(List.of(o), entry, header);
    }

    /**
     * Tells whether an {@code applyOps} without {@code partialTxn} ends a chain: it has the
     * {@code count} the server writes only there, or a {@code prevOpTime} pointing at an earlier
     * entry of the same transaction (an entry of a retryable write, marked {@code multiOpType},
     * points at the write's previous statement instead).
     */
    static boolean endsChain(BsonDocument entry, BsonDocument o) {
        return o.containsKey("count") || !entry.containsKey("multiOpType") && previous(entry) != null;
    }

    /** Returns the {@code ts} of the entry's {@code prevOpTime}, or null when it has none. */
    static BsonTimestamp previous(BsonDocument entry) {
        BsonValue prevOpTime = entry.get("prevOpTime");
        if (prevOpTime == null || !prevOpTime.isDocument()) {
            return null;
        }
        BsonValue ts = prevOpTime.asDocument().get("ts");
        return ts != null && ts.isTimestamp() && ts.asTimestamp().getValue() != 0 ? ts.asTimestamp() : null;
    }

    /** Returns the transaction id of an entry with {@code lsid} and {@code txnNumber}, else null. */
    static TransactionId transactionId(BsonDocument entry) {
        BsonValue lsid = entry.get("lsid");
        BsonValue txnNumber = entry.get("txnNumber");
        if (lsid == null || !lsid.isDocument() || txnNumber == null || !txnNumber.isNumber()) {
            return null;
        }
        return new TransactionId(lsid.asDocument(), txnNumber.asNumber().longValue());
    }

    /**
     * Reads the operations of one or more {@code applyOps} commands, in order, as one
     * transaction with the position of {@code commitEntry}. A nested {@code applyOps} keeps the
     * transaction id of the entry that holds it.
     */
    static Transaction transaction(List<BsonDocument> commands, BsonDocument commitEntry, EventHeader header) {
        TransactionId id = transactionId(commitEntry);
        EventHeader shared = header.inTransaction(id != null ? id : header.transactionId());
        List<ChangeEvent> events = new ArrayList<>();
        for (int part = 0; part < commands.size(); part++) {
            BsonDocument[] ops = Fields.array(commands.get(part), "applyOps").stream().map(ApplyOps::operation)
                .toArray(BsonDocument[]::new);
            String where = commands.size() == 1 ? "its applyOps" : "part " + (part + 1) + " of " + commands.size()
                + " of the transaction";
            for (int i = 0; i < ops.length; i++) {
                try {
                    add(OplogParser.operation(ops[i], shared), events);
                } catch (EntryProblem problem) {
                    throw problem.within("operation " + (i + 1) + " of " + where + " (" + EntryText.opAndNs(ops[i]) + ")");
                }
            }
        }
        return new Transaction(shared, events);
    }

    /** Returns the number of operations an {@code applyOps} command holds. */
    static int operationCount(BsonDocument command) {
        return Fields.array(command, "applyOps").size();
    }

    private static void add(ChangeEvent event, List<ChangeEvent> events) {
        if (event instanceof Transaction nested) {
            events.addAll(nested.events());
        } else {
            events.add(event);
        }
    }

    private static BsonDocument operation(BsonValue op) {
        if (!op.isDocument()) {
            throw EntryProblem.of("its applyOps holds a " + op.getBsonType() + " where an operation belongs");
        }
        return op.asDocument();
    }
}
