package io.ddt.mongo;

import java.util.Objects;

import com.mongodb.client.MongoClient;

import io.ddt.Position;
import io.ddt.internal.stream.Streams;
import io.ddt.internal.stream.StreamSettings;
import io.ddt.spi.EventStream;
import io.ddt.spi.OplogStreamer;

/**
 * The {@link OplogStreamer} that reads a cluster-wide change stream: for mongos and hosted
 * clusters where {@code local.oplog.rs} cannot be read. It costs the source more than
 * {@link MongoOplogStreamer}, which a replica set should prefer.
 *
 * <ul>
 *   <li><b>Reading.</b> {@code $changeStream} with {@code allChangesForCluster} on
 *       {@code admin}, with {@code showExpandedEvents} on MongoDB 6.0 and later (create,
 *       createIndexes, dropIndexes and collMod arrive then; before 6.0 only the drops, renames
 *       and dropDatabase that every change stream shows). Inserts and replacements carry their
 *       documents; no document is looked up. Reads go where the client's read preference
 *       says.</li>
 *   <li><b>Updates</b> come as the oplog's own {@code $v:2} diffs
 *       ({@code showRawUpdateDescription}) on MongoDB 6.0 and later, where every command of the
 *       stream reaches the server holding its cursor: a replica set read from its primary, or
 *       a client that knows a single mongos. A diff says which fields an update added, so an
 *       update replayed over a later version of its document (a restart from an older
 *       watermark) puts them where the source did. Elsewhere (before 6.0, another read
 *       preference, several mongos) updates come as {@code updateDescription}s, which do not
 *       say it: such a replay gives the same values, but a field that the update added and a
 *       later event removed and added again may end up in another place among its
 *       siblings.</li>
 *   <li><b>Filtering.</b> The filter's include globs become a {@code $match} on
 *       {@code ns.db}/{@code ns.coll} (and a rename's {@code to}) right after
 *       {@code $changeStream}, which the server applies as it reads its oplog; after parsing,
 *       the whole filter decides again. Renames are kept when either side matches, as
 *       {@link MongoOplogStreamer} says.</li>
 *   <li><b>Positions</b> carry resume tokens. A stream opened after a position with a token
 *       starts after it ({@code startAfter}); after a position without one (a cluster time, as
 *       the oplog streamer or a full copy gives), at the next cluster time
 *       ({@code startAtOperationTime} plus one increment): everything at the position's own
 *       time counts as read. Post-batch resume tokens move the position on a quiet
 *       source.</li>
 *   <li><b>Transactions.</b> A change stream shows a transaction as consecutive events with
 *       the same {@code lsid}, {@code txnNumber} and cluster time; they are joined into one
 *       {@link io.ddt.event.Transaction} with the last event's position, whose events keep
 *       their own positions. A transaction is complete when the next thing the server says is
 *       not part of it: another event, a post-batch resume token past its time, or an empty
 *       {@code getMore}; until then the batch position stays before it, so the wait costs at
 *       most one {@code getMore}.</li>
 *   <li><b>End.</b> With an end position, the stream ends at it, inclusive: at an event or
 *       token past it (past its cluster time, for a position without a token), which on a
 *       quiet source is the next periodic no-op.</li>
 *   <li><b>Failures.</b> Transient errors are resumed by the driver once (where its cursor is
 *       used), then by the stream after the last event or token read, until
 *       {@link StreamerBuilder#retryTimeout} passes without progress.
 *       {@code ChangeStreamHistoryLost}, at open or later, fails with
 *       {@link io.ddt.HistoryLostException} (saying how far behind when the oplog can be read
 *       to tell). An {@code invalidate} event, which a cluster-wide stream should never get,
 *       fails the stream naming its position.</li>
 * </ul>
 *
 * <p>Creates no threads; the client is the caller's and is never closed. Never logs document
 * content. Thread-safe: streams may be opened from any thread.
 */
public final class ChangeStreamStreamer implements OplogStreamer {

    private final MongoClient source;
    private final StreamSettings settings;

    private ChangeStreamStreamer(Builder builder) {
        this.source = builder.source;
        this.settings = builder.settings();
    }

    /**
     * Starts building a streamer that reads the change stream of {@code source}.
     *
     * @param source the client of the cluster to read (a replica set or mongos), with the
     *     privilege to run {@code changeStream} on the whole cluster; not null
     * @return a builder with every namespace selected and default settings
     */
    public static Builder builder(MongoClient source) {
        return new Builder(source);
    }

    /**
     * {@inheritDoc}
     *
     * @throws io.ddt.DdtException if the change stream cannot be opened (unreachable source,
     *     a standalone server, missing privilege)
     */
    @Override
    public EventStream open(Position after, Position until) {
        return Streams.changeStream(source, settings, Objects.requireNonNull(after, "after"), until);
    }

    /** Builds a {@link ChangeStreamStreamer}; see {@link StreamerBuilder} for the settings. */
    public static final class Builder extends StreamerBuilder<Builder> {

        private Builder(MongoClient source) {
            super(source);
        }

        /** @return the streamer */
        public ChangeStreamStreamer build() {
            return new ChangeStreamStreamer(this);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
