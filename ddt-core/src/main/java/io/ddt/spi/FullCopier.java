package io.ddt.spi;

/**
 * Copies the selected collections of a source cluster to a target as they are now: options,
 * indexes and documents. The MongoDB implementation is {@code io.ddt.mongo.MongoFullCopier}.
 *
 * <p>A copier is used by one job. {@link #copy} is called by one thread (the job's copy thread)
 * and blocks until the copy is complete, fails, or the thread is interrupted; the copier may
 * run its own worker threads inside that call and ends them before returning.
 */
public interface FullCopier {

    /**
     * Copies everything the copier was configured to copy, continuing from {@code resume}.
     *
     * <p>Resuming: ranges marked done are not read again; a range with a {@code lastId} is read
     * from after it; documents already on the target are replaced, not duplicated, so a
     * repeated or resumed copy ends exact. Progress goes to {@code listener} as each batch is
     * written, so that a checkpoint taken from the latest state loses at most the batches in
     * flight.
     *
     * @param resume the state to continue from; {@link CopyState#empty()} for a new copy
     * @param listener receives state changes and progress, from the copier's threads
     * @return the final state, complete
     * @throws io.ddt.DdtException if the copy fails; the latest state given to the listener
     *     stays valid for a later resume
     */
    CopyState copy(CopyState resume, CopyListener listener);
}
