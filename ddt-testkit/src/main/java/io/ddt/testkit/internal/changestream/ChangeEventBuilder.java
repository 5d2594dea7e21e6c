package io.ddt.testkit.internal.changestream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Turns oplog entries in the MongoDB 7.0 format into the change events a 7.0 server's
 * {@code $changeStream} stage emits for them, with its options: same fields, same field order,
 * same values, except the resume tokens' event identifier (see {@link ResumeToken}).
 *
 * <p>An entry gives no event when it is a no-op (other than shardCollection with expanded
 * events), carries {@code fromMigrate: true}, or touches namespaces the stream does not watch. A
 * drop or rename of a watched collection, or a dropDatabase of a watched database, is followed by
 * an {@code invalidate} event, per {@link ChangeStreamOptions.Level}; the caller must then end the
 * cursor, as the server does. An {@code applyOps} gives one event per op it shows, in order, each
 * with the commit's {@code clusterTime}, {@code wallTime}, {@code lsid} and {@code txnNumber}.
 *
 * <p>Entries that belong to a chain ({@code partialTxn}, {@code prepare}, the applyOps that ends
 * a chain, commitTransaction, abortTransaction) are not accepted by {@link #eventsFor(BsonDocument)}:
 * feed them to a {@link TransactionAssembler} and pass what it returns to
 * {@link #eventsFor(CommittedTransaction)}, or use {@link ChangeEventStream}, which does both.
 *
 * <p>{@code fullDocument} for updates is the caller's to add, with {@link #withFullDocument}.
 * Events share values with the entries they came from; treat both as read-only.
 *
 * <p>Immutable and thread-safe. An entry not in the 7.0 format raises
 * {@link IllegalArgumentException} naming its {@code ts}, {@code op} and {@code ns}.
 */
public final class ChangeEventBuilder {

    private final OpEvents ops;

    /**
     * Creates a builder for streams with these options.
     *
     * @param options what the stream watches and shows
     */
    public ChangeEventBuilder(ChangeStreamOptions options) {
        this.ops = new OpEvents(options);
    }

    /**
     * Returns the events of an entry that is visible on its own, in order.
     *
     * @param entry an oplog entry that is not part of a transaction chain
     * @return the events, possibly none
     * @throws IllegalArgumentException if the entry is malformed or belongs to a chain
     */
    public List<BsonDocument> eventsFor(BsonDocument entry) {
        try {
            if (TransactionAssembler.isChainPart(entry)) {
                throw new IllegalArgumentException("entry belongs to a transaction chain; feed it"
                        + " through a TransactionAssembler");
            }
            if (OplogFields.command(entry).containsKey("applyOps")) {
                return eventsFor(new CommittedTransaction(entry, List.of(entry)));
            }
            if (OplogFields.isTrue(entry, "fromMigrate")) {
                return List.of();
            }
            List<BsonDocument> events = new ArrayList<>(2);
            add(ops.partsFor(entry), OpContext.standalone(entry), events);
            return events;
        } catch (IllegalArgumentException e) {
            throw withEntry(entry, e);
        }
    }

    /**
     * Returns the events of a group of applyOps entries that became visible together: one per op
     * the stream shows, in order.
     *
     * @param transaction the entries and the entry that committed them
     * @return the events, possibly none
     * @throws IllegalArgumentException if an entry is malformed
     */
    public List<BsonDocument> eventsFor(CommittedTransaction transaction) {
        BsonDocument commit = transaction.commitEntry();
        if (OplogFields.isTrue(commit, "fromMigrate")) {
            return List.of();
        }
        List<BsonDocument> events = new ArrayList<>();
        int txnOpIndex = 0;
        for (BsonDocument holder : transaction.applyOpsEntries()) {
            try {
                BsonArray applyOps = applyOpsOf(holder);
                for (int i = 0; i < applyOps.size(); i++, txnOpIndex++) {
                    OpContext context = OpContext.transactionOp(commit, txnOpIndex, holder, i);
                    add(partsOfInnerOp(applyOps, i), context, events);
                }
            } catch (IllegalArgumentException e) {
                throw withEntry(holder, e);
            }
        }
        return events;
    }

    /**
     * Returns a copy of an event with {@code fullDocument} set where the server puts it: after
     * {@code wallTime} (and {@code collectionUUID}), before {@code ns}, where a lookup fills
     * the slot that the server reserves for it, or in place if the event has one.
     *
     * @param event an insert, update, replace or delete event
     * @param fullDocument the document, or {@code BsonNull} when a lookup found none
     * @return a new event document
     * @throws IllegalArgumentException if the event has no {@code ns}
     */
    public static BsonDocument withFullDocument(BsonDocument event, BsonValue fullDocument) {
        if (event.containsKey("fullDocument")) {
            BsonDocument copy = event.clone();
            copy.put("fullDocument", fullDocument);
            return copy;
        }
        if (!event.containsKey("ns")) {
            throw new IllegalArgumentException("event has no ns to place fullDocument before: "
                    + event.getString("operationType", null));
        }
        BsonDocument copy = new BsonDocument();
        for (Map.Entry<String, BsonValue> field : event.entrySet()) {
            if (field.getKey().equals("ns")) {
                copy.append("fullDocument", fullDocument);
            }
            copy.append(field.getKey(), field.getValue());
        }
        return copy;
    }

    private void add(Optional<EventParts> parts, OpContext context, List<BsonDocument> events) {
        if (parts.isEmpty()) {
            return;
        }
        EventParts event = parts.get();
        events.add(event.assemble(context, ops.expanded()));
        if (ops.invalidates(event.operationType)) {
            events.add(event.invalidate(context));
        }
    }

    private Optional<EventParts> partsOfInnerOp(BsonArray applyOps, int index) {
        try {
            return ops.partsFor(opAt(applyOps, index));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("applyOps[" + index + "]: " + e.getMessage(), e);
        }
    }

    private static BsonArray applyOpsOf(BsonDocument holder) {
        BsonValue applyOps = OplogFields.command(holder).get("applyOps");
        if (applyOps == null || !applyOps.isArray()) {
            throw new IllegalArgumentException("'o.applyOps' must be an array");
        }
        return applyOps.asArray();
    }

    private static BsonDocument opAt(BsonArray applyOps, int index) {
        BsonValue op = applyOps.get(index);
        if (!op.isDocument()) {
            throw new IllegalArgumentException("applyOps[" + index + "] is not a document");
        }
        return op.asDocument();
    }

    private static IllegalArgumentException withEntry(BsonDocument entry, RuntimeException e) {
        return new IllegalArgumentException("cannot turn " + OplogFields.describe(entry)
                + " into change events: " + e.getMessage(), e);
    }
}
