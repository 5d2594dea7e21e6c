package io.ddt.event;

import java.time.Instant;
import java.util.Objects;

import io.ddt.Position;

/**
 * What every {@link ChangeEvent} carries besides its change: its position, its wall time, its
 * {@code fromMigrate} flag and, inside a transaction, the transaction's id.
 *
 * <p>Immutable and thread-safe.
 *
 * @param position the event's place in the source's history; not null
 * @param wallTime the source's wall-clock time of the event, or {@code null} where the source
 *     did not give one
 * @param fromMigrate true when the source marked the event as written by the sharding machinery
 *     (see {@link ChangeEvent#fromMigrate()})
 * @param transactionId the transaction the event belongs to, or {@code null}
 */
public record EventHeader(Position position, Instant wallTime, boolean fromMigrate, TransactionId transactionId) {

    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if {@code position} is null
     */
    public EventHeader {
        Objects.requireNonNull(position, "position");
    }

    /**
     * Returns a header with only a position: no wall time, not {@code fromMigrate}, no
     * transaction.
     *
     * @param position the position; not null
     * @return the header
     * @throws NullPointerException if {@code position} is null
     */
    public static EventHeader at(Position position) {
        return new EventHeader(position, null, false, null);
    }

    /**
     * Returns this header as part of a transaction.
     *
     * @param id the transaction's id, or {@code null} for none
     * @return a header equal to this one but for its transaction id
     */
    public EventHeader inTransaction(TransactionId id) {
        return new EventHeader(position, wallTime, fromMigrate, id);
    }

    /**
     * Returns the position, followed by {@code fromMigrate} and the transaction where they
     * apply.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "at " + position + (fromMigrate ? ", fromMigrate" : "")
            + (transactionId == null ? "" : ", in " + transactionId);
    }
}
