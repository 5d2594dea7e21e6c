package io.ddt.mongo;

import java.util.Objects;
import java.util.Optional;

import com.mongodb.client.MongoClient;

import io.ddt.ApplySettings;
import io.ddt.NamespaceFilter;
import io.ddt.NamespaceMapping;
import io.ddt.Position;
import io.ddt.internal.apply.ApplyEngine;
import io.ddt.spi.ChangeApplier;
import io.ddt.spi.EventBatch;
import io.ddt.spi.WatermarkListener;

/**
 * The MongoDB {@link ChangeApplier}: replays change events onto a target cluster, in parallel,
 * idempotently.
 *
 * <ul>
 *   <li><b>Order.</b> Document writes are spread over {@link ApplySettings#threads()} workers by
 *       target namespace and {@code _id}, so each document's changes stay in order; each worker
 *       writes what it has queued as ordered bulk writes per collection, at most
 *       {@link ApplySettings#batchDocuments()} each.</li>
 *   <li><b>Idempotence.</b> Inserts and replacements are upserts of the whole document, deletes
 *       of missing documents do nothing, updates never create a document: replaying any suffix
 *       of the history again leaves the target as it was.</li>
 *   <li><b>Barriers.</b> A DDL event waits until every write before it is applied, runs alone
 *       (through the namespace mapping), and only then do later events go on. The watermarks
 *       on either side of it go to the {@link WatermarkListener}, for checkpoints: a restart
 *       must never replay writes across a DDL already applied. With
 *       {@link ApplySettings#atomicTransactions()}, a transaction is a barrier too and is applied
 *       in one target transaction; otherwise its writes are spread like any others.</li>
 *   <li><b>Duplicate keys.</b> Applying documents out of each other's order can meet a unique
 *       secondary index value that the target still holds for another document (two documents
 *       swapping a value). Such a write is parked with the rest of its document's writes and
 *       retried alone, in source order, once every worker is idle. A duplicate that persists
 *       then is a real conflict, handled by {@link ApplySettings#conflictPolicy()}: fail with a
 *       {@link io.ddt.ConflictException} naming the namespace, key and position, skip and log
 *       the {@code _id}, or record the write in {@link ApplySettings#conflictNamespace()}.</li>
 *   <li><b>Skipped.</b> Internal namespaces ({@code admin}, {@code local}, {@code config},
 *       {@code system.*}), {@code fromMigrate} events, the conflict collection and namespaces the
 *       filter does not select are never replayed; no-ops and invalidates apply nothing. All of
 *       them still move the watermark. A rename out of the selection drops the collection on
 *       the target (its later writes are not followed); a rename into it fails the applier
 *       with a {@link io.ddt.DdtException} that says to copy the collection again, since the
 *       target has none of its documents.</li>
 *   <li><b>Memory.</b> {@link #apply} waits while the bytes handed over and not yet applied
 *       ({@link EventBatch#bytes()}) exceed {@link ApplySettings#maxBytesInFlight()}.</li>
 *   <li><b>Delay.</b> With {@link ApplySettings#delay()}, each event waits until its source
 *       wall time (or cluster time) plus the delay.</li>
 *   <li><b>Errors.</b> Transient errors are retried for {@link ApplySettings#retryTimeout()}.
 *       Any other failure stops every thread: no write starts after it, and the next
 *       {@link #apply} or {@link #flush} throws it (a {@link io.ddt.DdtException}).</li>
 * </ul>
 *
 * <p>Building the applier starts its threads, named {@code ddt-<job>-apply-<n>} and
 * {@code ddt-<job>-apply-dispatch-1}; {@link #close()} stops them. The target client is the
 * caller's: the applier never closes it. Thread-safety is as {@link ChangeApplier} says: one
 * thread hands batches over; any thread reads the watermark and counters or closes.
 */
public final class MongoChangeApplier implements ChangeApplier {

    private final ApplyEngine engine;

    private MongoChangeApplier(Builder builder) {
        this.engine = new ApplyEngine(builder.target, builder.filter, builder.mapping, builder.settings);
    }

    /**
     * Starts building an applier that writes to a cluster.
     *
     * @param target the client of the cluster to write; not null
     * @return a builder with every namespace selected, no renaming and default settings
     */
    public static Builder builder(MongoClient target) {
        return new Builder(target);
    }

    @Override
    public void apply(EventBatch batch) throws InterruptedException {
        engine.apply(batch);
    }

    /**
     * {@inheritDoc}
     *
     * @return the position of the last batch handed over, or {@code null} if none was
     * @throws IllegalStateException if the applier was closed
     */
    @Override
    public Position flush() throws InterruptedException {
        return engine.flush();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Called on the thread {@code ddt-<job>-apply-dispatch-1}, for every DDL event that is not
     * part of a transaction; the DDL MongoDB allows inside a transaction (creating a collection or
     * its indexes) gets no save points, since replaying it over a later target state changes
     * nothing; nor does DDL inside a plain {@code applyOps} command, whose events share one
     * position, so a restart inside such a command may replay writes across its DDL.
     *
     * @throws IllegalStateException if a batch was already handed over
     */
    @Override
    public void setWatermarkListener(WatermarkListener listener) {
        engine.setWatermarkListener(listener);
    }

    @Override
    public Optional<Position> watermark() {
        return engine.watermark();
    }

    @Override
    public long eventsApplied() {
        return engine.eventsApplied();
    }

    /**
     * Returns how many writes were left out as conflicts, under the SKIP or RECORD policy.
     *
     * @return the count; 0 under FAIL
     */
    public long conflicts() {
        return engine.conflicts();
    }

    /**
     * Returns the bytes of batches handed over and not yet applied: what back-pressure bounds.
     *
     * @return the bytes, at most {@link ApplySettings#maxBytesInFlight()} unless one batch alone is larger
     */
    public long bytesInFlight() {
        return engine.bytesInFlight();
    }

    /**
     * Stops the threads, abandoning what is queued and not yet applied. A bulk write, DDL command
     * or transaction already sent to the target is let finish, never interrupted, so that it
     * cannot land after the applier closed; waits at most 10 seconds for that. A thread still
     * busy then (a target that does not answer) is interrupted and logged at WARN: its command
     * may still reach the target later. Idempotent.
     */
    @Override
    public void close() {
        engine.close();
    }

    /** Builds a {@link MongoChangeApplier}. Not thread-safe. */
    public static final class Builder {
        private final MongoClient target;
        private NamespaceFilter filter = NamespaceFilter.all();
        private NamespaceMapping mapping = NamespaceMapping.identity();
        private ApplySettings settings = ApplySettings.defaults();

        private Builder(MongoClient target) {
            this.target = Objects.requireNonNull(target, "target");
        }

        /**
         * Which source namespaces to replay; default all but the internal ones. The streamer
         * filters first; this is a defence.
         *
         * @param namespaceFilter not null
         * @return this builder
         */
        public Builder filter(NamespaceFilter namespaceFilter) {
            this.filter = Objects.requireNonNull(namespaceFilter, "filter");
            return this;
        }

        /**
         * How source namespaces are renamed on the target, for writes and DDL; default unchanged.
         *
         * @param namespaceMapping not null
         * @return this builder
         */
        public Builder mapping(NamespaceMapping namespaceMapping) {
            this.mapping = Objects.requireNonNull(namespaceMapping, "mapping");
            return this;
        }

        /**
         * Workers, memory, batches and policies; default {@link ApplySettings#defaults()}.
         *
         * @param applySettings not null
         * @return this builder
         */
        public Builder settings(ApplySettings applySettings) {
            this.settings = Objects.requireNonNull(applySettings, "settings");
            return this;
        }

        /**
         * Builds the applier and starts its threads; close it when done.
         *
         * @return the applier
         */
        public MongoChangeApplier build() {
            return new MongoChangeApplier(this);
        }
    }
}
