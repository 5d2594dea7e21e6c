package io.ddt.event;

import java.time.Instant;

import io.ddt.Position;

/**
 * One change on the source: a document written, a collection or index created or dropped, a
 * transaction committed, or only time passing.
 *
 * <p>The kinds are the records that implement {@link DocumentChange} and {@link Ddl}, and
 * {@link Transaction}, {@link Noop} and {@link Invalidate}; the interface is sealed, so code
 * that handles every kind knows it has.
 *
 * <p>Every event has a {@link EventHeader}; the methods here read it. Events are immutable and
 * thread-safe; see the package description for the documents they hold. {@code toString()}
 * never shows a document's values.
 */
public sealed interface ChangeEvent permits DocumentChange, Ddl, Transaction, Noop, Invalidate {

    /**
     * Returns where, when and how the event happened on the source.
     *
     * @return the header; never null
     */
    EventHeader header();

    /**
     * Returns the event's place in the source's history. The events of one transaction share
     * the position of its commit.
     *
     * @return the position; never null
     */
    default Position position() {
        return header().position();
    }

    /**
     * Returns the source's wall-clock time when the event happened.
     *
     * @return the wall time, or {@code null} where the source did not say (oplogs before 4.0,
     *     change streams before 6.0)
     */
    default Instant wallTime() {
        return header().wallTime();
    }

    /**
     * Tells whether the source marked the event {@code fromMigrate}: a write made by the
     * sharding machinery (chunk migration, orphan clean-up, resharding) rather than by an
     * application. The data it moves is already counted where it came from, so an applier
     * should skip it.
     *
     * @return true for a {@code fromMigrate} event
     */
    default boolean fromMigrate() {
        return header().fromMigrate();
    }

    /**
     * Returns the id of the transaction the event belongs to.
     *
     * @return the transaction id, or {@code null} when the event is not part of a transaction
     */
    default TransactionId transactionId() {
        return header().transactionId();
    }
}
