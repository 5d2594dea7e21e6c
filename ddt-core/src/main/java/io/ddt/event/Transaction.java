package io.ddt.event;

import java.util.List;
import java.util.Objects;

/**
 * Changes that the source committed together, in the order it applied them.
 *
 * <p>Read from an oplog {@code applyOps} entry: a multi-document transaction (with its
 * {@code lsid} and {@code txnNumber}), a transaction that MongoDB wrote as a {@code partialTxn}
 * chain or as a prepared transaction and its commit (joined by {@link TransactionAssembler}),
 * or a plain {@code applyOps} command or batched write (no transaction id). Nested
 * {@code applyOps} are flattened, so {@link #events()} never holds a {@code Transaction},
 * {@link Invalidate} or {@code applyOps} of its own.
 *
 * <p>Read from the oplog, every event inside shares this event's position (that of the commit:
 * the entry that made the transaction visible), wall time and transaction id; an event inside
 * may be {@code fromMigrate} on its own. A change stream shows a transaction as separate events
 * that share a cluster time and a {@link ChangeEvent#transactionId()}, not as this event;
 * {@code io.ddt.mongo.ChangeStreamStreamer} joins them into one, whose position is its last
 * event's, and whose events keep their own (the same cluster time, each its resume token).
 *
 * <p>Immutable and thread-safe. {@link #toString()} counts the events, never shows them.
 *
 * @param header the position, wall time, flags and transaction id of the commit; not null
 * @param events the changes, in the order the source applied them; unmodifiable, may be empty
 *     (an {@code applyOps} with no operations)
 */
public record Transaction(EventHeader header, List<ChangeEvent> events) implements ChangeEvent {

    /**
     * Checks the arguments and copies the list.
     *
     * @throws NullPointerException if an argument is null or the list holds null
     * @throws IllegalArgumentException if the list holds a {@code Transaction} or an
     *     {@code Invalidate}
     */
    public Transaction {
        Objects.requireNonNull(header, "header");
        events = List.copyOf(events);
        if (events.stream().anyMatch(e -> e instanceof Transaction || e instanceof Invalidate)) {
            throw new IllegalArgumentException("a transaction holds document changes, DDL and no-ops only");
        }
    }

    /**
     * Returns the kind, the number of events and the header.
     *
     * @return the text, without the events' content
     */
    @Override
    public String toString() {
        return "Transaction[" + EventText.count(events.size(), "event") + ", " + header + "]";
    }
}
