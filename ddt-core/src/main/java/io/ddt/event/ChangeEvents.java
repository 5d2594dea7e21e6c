package io.ddt.event;

import java.util.Objects;

import org.bson.BsonDocument;

import io.ddt.PartialTransactionException;
import io.ddt.UnreadableEventException;

/**
 * Reads oplog entries and change events into {@link ChangeEvent}s.
 *
 * <p><b>Oplog entries</b> ({@link #fromOplog(BsonDocument)}) are read as every MongoDB from 4.2
 * to 8.0 writes them:
 * <ul>
 *   <li>{@code i}: an {@link Insert}, keyed by {@code o2} where the entry has one (sharded
 *       collections, 4.4 and later) or by {@code o._id};</li>
 *   <li>{@code u}: an {@link Update} with a {@link UpdateSpec.Diff} for {@code $v:2}, with
 *       {@link UpdateSpec.Modifiers} for {@code $v:1} or a first field that starts with
 *       {@code $}, and otherwise a {@link Replace} of the whole document; keyed by {@code o2}
 *       (or a replacement's {@code _id} where there is no {@code o2});</li>
 *   <li>{@code d}: a {@link Delete} keyed by {@code o}, shard key fields included;</li>
 *   <li>{@code n}: a {@link Noop};</li>
 *   <li>{@code c}: the DDL kinds of {@link Ddl}, a {@link Transaction} for an {@code applyOps}
 *       that is complete in itself (a transaction, a plain {@code applyOps} command or a batched
 *       write, nested {@code applyOps} flattened), and a {@link Noop} for
 *       {@code startIndexBuild}, {@code abortIndexBuild}, {@code dbCheck} and
 *       {@code modifyCollectionShardingIndexCatalog};</li>
 *   <li>inserts, replacements and deletes in {@code <db>.system.views}: the {@link Create},
 *       {@link CollMod} and {@link Drop} of a view.</li>
 * </ul>
 * Entries marked {@code fromMigrate} are read like any other and flagged
 * ({@link ChangeEvent#fromMigrate()}), so that the caller can skip them.
 *
 * <p>The parts of a transaction that MongoDB writes in several entries (an {@code applyOps} with
 * {@code partialTxn}, with {@code prepare}, or with the {@code count} that ends a chain, and the
 * {@code commitTransaction} and {@code abortTransaction} entries) mean nothing alone:
 * {@code fromOplog} throws a {@link PartialTransactionException} for them. Read the oplog
 * through a {@link TransactionAssembler}, which joins them.
 *
 * <p><b>Change events</b> ({@link #fromChangeStream(BsonDocument)}): {@code insert},
 * {@code update} (with {@code updateDescription}, including {@code truncatedArrays} and
 * {@code disambiguatedPaths}, or {@code rawUpdateDescription}), {@code replace},
 * {@code delete}, {@code drop}, {@code rename}, {@code dropDatabase}, {@code invalidate}, and the
 * expanded events {@code create}, {@code createIndexes}, {@code dropIndexes} and
 * {@code modify}; sharding and system events such as {@code shardCollection} become
 * {@link Noop}s. The position is the event's {@code clusterTime} with its {@code _id} as the
 * resume token; an event of a transaction carries its {@code lsid} and {@code txnNumber} as
 * {@link ChangeEvent#transactionId()}.
 *
 * <p><b>Failures.</b> Neither method ever skips an entry: one it cannot understand (an unknown
 * {@code op}, command or {@code operationType}, an update without a key, a malformed
 * {@code $v} or diff, a missing or mistyped field) fails with an
 * {@link UnreadableEventException} whose message names the entry ({@code ts}, {@code op} and
 * {@code ns}; for a change event its {@code operationType}, cluster time and the start of its
 * resume token) and never shows its documents.
 *
 * <p>Both methods are stateless and thread-safe. The events they return hold the entry's own
 * documents, not copies (see the package description).
 */
public final class ChangeEvents {

    private ChangeEvents() {
    }

    /**
     * Reads one oplog entry.
     *
     * @param entry an entry of {@code local.oplog.rs}, as the server wrote it; not null
     * @return the event
     * @throws NullPointerException if {@code entry} is null
     * @throws PartialTransactionException if the entry is one part of a transaction written in
     *     several entries; read those through a {@link TransactionAssembler}
     * @throws UnreadableEventException if the entry is not one MongoDB 4.2 to 8.0 writes, or is
     *     malformed
     */
    public static ChangeEvent fromOplog(BsonDocument entry) {
        Objects.requireNonNull(entry, "entry");
        try {
            return OplogParser.entry(entry);
        } catch (EntryProblem problem) {
            throw failure(entry, problem);
        }
    }

    /**
     * Reads one change event.
     *
     * @param event a change event as a change stream returned it (not decoded into a driver
     *     class); not null
     * @return the event
     * @throws NullPointerException if {@code event} is null
     * @throws UnreadableEventException if the event is not one MongoDB 4.2 to 8.0 reports, or is
     *     malformed
     */
    public static ChangeEvent fromChangeStream(BsonDocument event) {
        Objects.requireNonNull(event, "event");
        try {
            return ChangeStreamParser.event(event);
        } catch (EntryProblem problem) {
            throw new UnreadableEventException("Cannot read " + EntryText.changeEvent(event) + ": "
                + problem.getMessage() + ". " + EntryText.REMEDY, problem.getCause());
        }
    }

    /** Turns a parser's problem with an oplog entry into the exception a caller sees. */
    static UnreadableEventException failure(BsonDocument entry, EntryProblem problem) {
        if (problem.isTransactionPart()) {
            return new PartialTransactionException(capitalized(EntryText.oplog(entry)) + " is " + problem.getMessage()
                + ", which means nothing alone. Read the oplog through TransactionAssembler, which joins the parts"
                + " of a transaction and returns it when it commits.");
        }
        return new UnreadableEventException("Cannot read " + EntryText.oplog(entry) + ": " + problem.getMessage()
            + ". " + EntryText.REMEDY, problem.getCause());
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
