package io.ddt.testkit.internal.changestream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/**
 * Collects the entries of multi-entry transactions until they commit, so that their events
 * appear when the transaction becomes visible and not before, as on the server.
 *
 * <p>The caller feeds every entry for which {@link #isChainPart} holds, in oplog order:
 * <ul>
 *   <li>{@code applyOps} with {@code partialTxn: true} or {@code prepare: true}: kept, nothing
 *       returned;</li>
 *   <li>{@code applyOps} without either but with a {@code prevOpTime}: ends an unprepared chain;
 *       the whole chain is returned;</li>
 *   <li>{@code commitTransaction}: commits a prepared chain, which is returned;</li>
 *   <li>{@code abortTransaction}: the chain is dropped.</li>
 * </ul>
 * Chains are keyed by {@code lsid} and {@code txnNumber}; a newer {@code txnNumber} on a
 * session drops what was kept for the older one, so memory is bounded by the sessions with an
 * open transaction. When a chain commits whose beginning was not fed (a stream started or
 * resumed inside it), the missing entries are fetched from the {@link OplogLookup} by following
 * {@code prevOpTime} back to the null optime, as the server does.
 *
 * <p>Not thread-safe: one assembler belongs to one stream, fed by one thread. A chain whose
 * entries cannot be found raises {@link IllegalStateException}; an entry that is not a chain
 * part raises {@link IllegalArgumentException}.
 */
public final class TransactionAssembler {

    private final OplogLookup lookup;
    private final Map<BsonDocument, Pending> pending = new HashMap<>();

    /** The entries kept for a session's current transaction. */
    private record Pending(BsonValue txnNumber, List<BsonDocument> entries) {
    }

    /**
     * Creates an assembler.
     *
     * @param lookup where to find chain entries that were not fed, or {@link OplogLookup#none()}
     */
    public TransactionAssembler(OplogLookup lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /**
     * Returns whether an entry is part of a transaction chain and so must go through
     * {@link #accept} rather than straight to {@link ChangeEventBuilder#eventsFor(BsonDocument)}.
     * A lone applyOps (no {@code prevOpTime}, or the null one) is not.
     *
     * @param entry an oplog entry
     * @return true for partialTxn, prepare, chain-ending applyOps, commit and abort entries
     */
    public static boolean isChainPart(BsonDocument entry) {
        BsonDocument o = OplogFields.command(entry);
        if (o.containsKey("commitTransaction") || o.containsKey("abortTransaction")) {
            return true;
        }
        return o.containsKey("applyOps") && !OplogFields.isAppliedSeparately(entry)
                && (OplogFields.isTrue(o, "partialTxn") || OplogFields.isTrue(o, "prepare")
                || OplogFields.prevTs(entry) != null);
    }

    /**
     * Feeds the next chain entry.
     *
     * @param entry an entry for which {@link #isChainPart} holds, in oplog order
     * @return the transaction this entry commits, or empty if it commits nothing
     * @throws IllegalArgumentException if the entry is not a chain part
     * @throws IllegalStateException if the committed chain's earlier entries cannot be found
     */
    public Optional<CommittedTransaction> accept(BsonDocument entry) {
        if (!isChainPart(entry)) {
            throw new IllegalArgumentException("not part of a transaction chain: "
                    + OplogFields.describe(entry));
        }
        BsonDocument o = OplogFields.command(entry);
        if (o.containsKey("abortTransaction")) {
            take(entry);
            return Optional.empty();
        }
        if (OplogFields.isTrue(o, "partialTxn") || OplogFields.isTrue(o, "prepare")) {
            keep(entry);
            return Optional.empty();
        }
        List<BsonDocument> chain = take(entry);
        if (o.containsKey("applyOps")) {
            chain.add(entry);
        }
        completeFromOplog(chain, entry);
        if (chain.isEmpty()) {
            throw new IllegalStateException("nothing is known of the transaction committed by "
                    + OplogFields.describe(entry) + ": its entries were not fed and it has no"
                    + " prevOpTime to find them by");
        }
        return Optional.of(new CommittedTransaction(entry, chain));
    }

    /**
     * Returns how many sessions have a transaction whose entries are kept, waiting for a commit.
     *
     * @return the number of open transactions
     */
    public int openTransactions() {
        return pending.size();
    }

    private void keep(BsonDocument entry) {
        BsonDocument session = sessionOf(entry);
        BsonValue txnNumber = entry.get("txnNumber");
        Pending current = pending.get(session);
        if (current == null || !Objects.equals(current.txnNumber(), txnNumber)) {
            current = new Pending(txnNumber, new ArrayList<>());
            pending.put(session, current);
        }
        current.entries().add(entry);
    }

    private List<BsonDocument> take(BsonDocument entry) {
        BsonDocument session = sessionOf(entry);
        Pending current = pending.get(session);
        if (current == null || !Objects.equals(current.txnNumber(), entry.get("txnNumber"))) {
            return new ArrayList<>();
        }
        pending.remove(session);
        return current.entries();
    }

    /** Prepends the entries before the first one held, following prevOpTime through the oplog. */
    private void completeFromOplog(List<BsonDocument> chain, BsonDocument commit) {
        BsonTimestamp missing = OplogFields.prevTs(chain.isEmpty() ? commit : chain.get(0));
        BsonTimestamp after = OplogFields.ts(chain.isEmpty() ? commit : chain.get(0));
        while (missing != null) {
            if (missing.compareTo(after) >= 0) {
                throw new IllegalStateException("prevOpTime " + missing + " does not go back in"
                        + " time from " + after + " in the chain committed by "
                        + OplogFields.describe(commit));
            }
            BsonTimestamp wanted = missing;
            BsonDocument earlier = lookup.entryAt(wanted).orElseThrow(() ->
                    new IllegalStateException("the transaction committed by "
                            + OplogFields.describe(commit) + " needs the entry at " + wanted
                            + ", which was neither fed nor found in the oplog"));
            chain.add(0, earlier);
            after = wanted;
            missing = OplogFields.prevTs(earlier);
        }
    }

    private static BsonDocument sessionOf(BsonDocument entry) {
        BsonValue lsid = entry.get("lsid");
        return lsid != null && lsid.isDocument() ? lsid.asDocument() : new BsonDocument();
    }
}
