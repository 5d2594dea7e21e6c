package io.ddt.mongo;

import java.util.Objects;

import com.mongodb.ReadPreference;
import com.mongodb.client.MongoClient;

import io.ddt.Position;
import io.ddt.internal.stream.Streams;
import io.ddt.internal.stream.StreamSettings;
import io.ddt.spi.EventStream;
import io.ddt.spi.OplogStreamer;

/**
 * The {@link OplogStreamer} that tails a replica-set member's {@code local.oplog.rs}: the least
 * overhead on the source, and the way to read from one chosen member (pass a client made with
 * {@code directConnection=true} to a hidden secondary, or set a {@link Builder#readPreference}).
 *
 * <ul>
 *   <li><b>Reading.</b> A tailable awaitData cursor on {@code {ts: {$gt: after}}}, with the
 *       batch size of {@link StreamerBuilder#batchEvents} and the server-side wait of
 *       {@link StreamerBuilder#maxAwaitTime}.</li>
 *   <li><b>Filtering.</b> The filter's include globs go to the server: CRUD entries of matching
 *       namespaces (their views and time-series buckets too), the commands of databases that
 *       may match, every rename (either side may match), every {@code admin.$cmd} entry
 *       (transactions, whose operations are filtered after parsing) and every no-op (so that a
 *       quiet source still moves the position). {@code fromMigrate} entries never leave the
 *       server. After parsing, the whole filter decides again, as {@code NamespaceFilter}
 *       says; a rename is kept when either its source or its target matches, so that the
 *       applier sees a collection leave or enter the selection (entering, the target has none
 *       of its documents: the applier must copy the collection or fail).</li>
 *   <li><b>Transactions</b> arrive whole, as one {@link io.ddt.event.Transaction} at the
 *       position of their commit: {@code partialTxn} chains and prepared transactions are
 *       joined by {@link io.ddt.event.TransactionAssembler}. A batch's position never passes
 *       the first part of a transaction still unfinished, unless the batch's own events are
 *       later; a stream that starts inside a transaction reads its earlier parts from the
 *       oplog by {@code prevOpTime}, as the server's change streams do.</li>
 *   <li><b>Positions.</b> Events and batches carry cluster times only (no resume tokens; the
 *       token of a start position is ignored, the oplog being read after its cluster time). A
 *       quiet source's position moves with its periodic no-ops (every 10 s on a real member,
 *       written only while nothing else is). A source busy only with namespaces outside the
 *       filter writes no no-ops and sends nothing through the filter: the position then stays
 *       at the last entry sent, and lag reads high until a selected write or a no-op
 *       arrives.</li>
 *   <li><b>End.</b> With an end position, the stream ends at it, inclusive: the batch whose
 *       position is the end's cluster time is marked last. The end is known when an entry
 *       after it is read, or when the oplog's newest entry has passed it and two awaited
 *       {@code getMore}s have found nothing more.</li>
 *   <li><b>Failures.</b> Transient errors (network, elections, a restarted member, a killed
 *       cursor) reopen the cursor after the last entry read, until
 *       {@link StreamerBuilder#retryTimeout} passes without progress. A start position that
 *       has left the oplog, at open or later (the cursor lost its place in a truncated oplog),
 *       fails with {@link io.ddt.HistoryLostException}, which says how far behind it is.</li>
 * </ul>
 *
 * <p>Creates no threads; the client is the caller's and is never closed. Never logs document
 * content. Thread-safe: streams may be opened from any thread, one after the other or side by
 * side.
 */
public final class MongoOplogStreamer implements OplogStreamer {

    private final MongoClient source;
    private final StreamSettings settings;

    private MongoOplogStreamer(Builder builder) {
        this.source = builder.source;
        this.settings = builder.settings();
    }

    /**
     * Starts building a streamer that reads the oplog through {@code source}.
     *
     * @param source the client of the member to read, with the privilege to read
     *     {@code local.oplog.rs}; not null
     * @return a builder with every namespace selected and default settings
     */
    public static Builder builder(MongoClient source) {
        return new Builder(source);
    }

    /**
     * {@inheritDoc}
     *
     * @throws io.ddt.DdtException if the oplog cannot be read (unreachable source, missing
     *     privilege to read {@code local.oplog.rs})
     */
    @Override
    public EventStream open(Position after, Position until) {
        return Streams.oplog(source, settings, Objects.requireNonNull(after, "after"), until);
    }

    /** Builds a {@link MongoOplogStreamer}; see {@link StreamerBuilder} for the shared settings. */
    public static final class Builder extends StreamerBuilder<Builder> {

        private Builder(MongoClient source) {
            super(source);
        }

        /**
         * Where the oplog is read; default the client's own read preference. A member chosen
         * by tags or a secondary read preference is chosen again by the driver on each new
         * cursor: for one fixed member, connect to it directly instead.
         *
         * @param preference the read preference; not null
         * @return this builder
         */
        public Builder readPreference(ReadPreference preference) {
            this.readPreference = Objects.requireNonNull(preference, "readPreference");
            return this;
        }

        /** @return the streamer */
        public MongoOplogStreamer build() {
            return new MongoOplogStreamer(this);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
