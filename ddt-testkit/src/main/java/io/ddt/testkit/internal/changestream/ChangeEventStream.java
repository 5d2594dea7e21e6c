package io.ddt.testkit.internal.changestream;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.bson.BsonDocument;

/**
 * One change stream's view of the oplog: feed it every oplog entry in order and it returns the
 * events that became visible with that entry, as a 7.0 server's {@code $changeStream} would
 * return them. It combines a {@link TransactionAssembler} (events of a transaction appear when it
 * commits) with a {@link ChangeEventBuilder}, skips the events up to a resume token, and
 * remembers that it was invalidated.
 *
 * <p>Resuming: with {@code resumeAfter} set, events whose token is not after it are dropped, so
 * the caller may start feeding at the entry whose {@code ts} is the token's cluster time (see
 * {@link ResumeToken#decode}); earlier entries of a transaction chain that commits there are
 * fetched through the {@link OplogLookup}. Passing an invalidate's token behaves as the server's
 * {@code startAfter}: the stream goes on past the command that invalidated the old one.
 *
 * <p>After it returns an {@code invalidate} event, {@link #isInvalidated()} is true and the
 * stream returns nothing more: the caller closes the cursor.
 *
 * <p>Not thread-safe: one instance per cursor, fed by one thread. Errors are those of
 * {@link ChangeEventBuilder} and {@link TransactionAssembler}.
 */
public final class ChangeEventStream {

    private final ChangeEventBuilder builder;
    private final TransactionAssembler transactions;
    private final BsonDocument resumeAfter;
    private boolean invalidated;

    /**
     * Opens a stream.
     *
     * @param options what the stream watches and shows
     * @param lookup how to find chain entries that were not fed, or {@link OplogLookup#none()}
     * @param resumeAfter the token to resume after, or null to show every event fed
     */
    public ChangeEventStream(ChangeStreamOptions options, OplogLookup lookup,
            BsonDocument resumeAfter) {
        this.builder = new ChangeEventBuilder(Objects.requireNonNull(options, "options"));
        this.transactions = new TransactionAssembler(lookup);
        if (resumeAfter != null) {
            ResumeToken.decode(resumeAfter); // fail now on a malformed token, not at the first event
        }
        this.resumeAfter = resumeAfter;
    }

    /**
     * Feeds the next oplog entry.
     *
     * @param entry the entry, in oplog order
     * @return the events that became visible, in order; empty once the stream is invalidated
     */
    public List<BsonDocument> accept(BsonDocument entry) {
        if (invalidated) {
            return List.of();
        }
        List<BsonDocument> events;
        if (TransactionAssembler.isChainPart(entry)) {
            events = transactions.accept(entry).map(builder::eventsFor).orElse(List.of());
        } else {
            events = builder.eventsFor(entry);
        }
        return visible(events);
    }

    /**
     * Returns whether the stream returned an {@code invalidate} event.
     *
     * @return true once invalidated
     */
    public boolean isInvalidated() {
        return invalidated;
    }

    private List<BsonDocument> visible(List<BsonDocument> events) {
        List<BsonDocument> result = new ArrayList<>(events.size());
        for (BsonDocument event : events) {
            BsonDocument token = event.getDocument("_id");
            if (resumeAfter != null && ResumeToken.compare(token, resumeAfter) <= 0) {
                continue;
            }
            result.add(event);
            if ("invalidate".equals(event.getString("operationType").getValue())) {
                invalidated = true;
                break;
            }
        }
        return result;
    }
}
