package io.ddt.spi;

import java.util.Objects;
import java.util.Optional;

import io.ddt.Position;

/**
 * Applies event batches to the target, in parallel where it can, keeping each document's order.
 * The MongoDB implementation is {@code io.ddt.mongo.MongoChangeApplier}.
 *
 * <p>Applying document writes is idempotent: handing over again any suffix of the history that
 * was already applied leaves the target as it was. DDL is not, once writes around it are replayed
 * too (see {@link WatermarkListener}), so a restart ends exact when it starts from the latest
 * position saved through {@link #setWatermarkListener} or from a later {@link #watermark()};
 * checkpoints must save both kinds and keep the latest.
 *
 * <p>One thread (the job's stream thread) calls {@link #apply} and {@link #flush}; any thread may
 * read {@link #watermark()} and {@link #eventsApplied()} or call {@link #close()}.
 */
public interface ChangeApplier extends AutoCloseable {

    /**
     * Hands a batch over to be applied. Returns once the batch is queued; blocks while the bytes
     * queued and not yet applied exceed the applier's budget (back-pressure).
     *
     * @param batch the next batch, after every batch handed over before
     * @throws InterruptedException if interrupted while waiting for room
     * @throws io.ddt.DdtException if an earlier batch failed (a conflict under the fail policy, a
     *     target error that is not transient); no write starts after the failure is seen (writes
     *     already running on other threads may finish), so the watermark stays before it
     * @throws IllegalStateException if the applier was closed
     */
    void apply(EventBatch batch) throws InterruptedException;

    /**
     * Waits until everything handed over is applied.
     *
     * @return the watermark then: the position of the last batch handed over, or {@code null} if
     *     no batch was handed over yet
     * @throws InterruptedException if interrupted while waiting
     * @throws io.ddt.DdtException if a batch failed
     * @throws IllegalStateException if the applier was closed, before or while waiting
     */
    Position flush() throws InterruptedException;

    /**
     * Returns the position P such that every event at or before P is on the target: what a
     * checkpoint saves and a restart starts after. A batch's position, an idle batch's included,
     * becomes the watermark once that batch and every earlier one are fully applied, so the
     * watermark moves on a quiet source too and never passes an event not yet applied. At a DDL
     * event it also moves to the positions given to the {@link WatermarkListener}, so it is never
     * behind one of them and never goes backwards.
     *
     * @return the watermark; empty until the first batch is applied
     */
    Optional<Position> watermark();

    /**
     * Sets who is told, synchronously, the watermarks on either side of each DDL event that a
     * checkpoint must save before the applier goes on (see {@link WatermarkListener} for when it
     * is called and why a restart needs them). Call once, before the first {@link #apply}.
     *
     * <p>The default does nothing, which is right only for an applier that applies no DDL.
     *
     * @param listener the listener; not null
     * @throws IllegalStateException if a batch was already handed over (an implementation may
     *     allow it)
     */
    default void setWatermarkListener(WatermarkListener listener) {
        Objects.requireNonNull(listener, "listener");
    }

    /** @return how many events were applied so far (a transaction counts its events) */
    long eventsApplied();

    /**
     * Stops applying, abandoning what is queued and not yet applied. Nothing new starts, but a
     * write already sent to the target is let finish before this returns, so that a write of
     * this applier never lands after a new applier, restarted from a watermark, has replayed
     * past it (which would leave an old version of a document). Idempotent; bounded in time: an
     * implementation says how long it waits and what it does with a write still running then.
     */
    @Override
    void close();
}
