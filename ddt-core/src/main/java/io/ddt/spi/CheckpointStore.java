package io.ddt.spi;

import java.util.Optional;

/**
 * Keeps each job's latest {@link Checkpoint}, by job id, where a restarted job finds it. The
 * stores ddt ships (in memory, a file per job, a collection on a MongoDB cluster) are made by
 * {@code io.ddt.mongo.CheckpointStores}.
 *
 * <p><b>Atomicity.</b> {@link #save} replaces a job's checkpoint as one step: a {@link #load}
 * that runs during or after a save, even one cut short by a crash or a kill, returns the old
 * checkpoint or the new one, never a mix of the two and never nothing where there was one.
 *
 * <p><b>Failures.</b> Every method either does all it says or throws an unchecked
 * {@link io.ddt.DdtException}, usually an {@link io.ddt.CheckpointException} that names the job,
 * where its checkpoint is and what to do. A failed save leaves the previous checkpoint in place.
 * A checkpoint that exists but cannot be read (truncated, corrupt, of a newer format) is an error,
 * never an empty {@link Optional}: starting over silently would copy onto a half-written target
 * or skip history. Stores retry transient errors within a bound of their own and never block
 * forever.
 *
 * <p><b>Threads.</b> Implementations are thread-safe: a job saves from its own thread while
 * others may load, and several jobs may share one store. A job's checkpoint is written by one
 * process at a time; two processes running the same job id over one store is a misuse that no
 * store detects.
 */
public interface CheckpointStore {

    /**
     * Returns a job's latest saved checkpoint.
     *
     * @param jobId the job's id; not null
     * @return the checkpoint, or empty if the job never saved one or it was deleted
     * @throws io.ddt.CheckpointException if a checkpoint exists but cannot be read, or the store
     *     could not be reached after its retries
     * @throws io.ddt.ConfigurationException if the store cannot hold a job of this id (a file
     *     store accepts only ids that are safe file names)
     */
    Optional<Checkpoint> load(String jobId);

    /**
     * Replaces the job's checkpoint with this one, atomically and durably: once this returns, a
     * crash of the process (and, for the file and collection stores, of the machine or of a
     * minority of the cluster's members) does not lose it.
     *
     * @param checkpoint the checkpoint, filed under its {@link Checkpoint#jobId()}; not null
     * @throws io.ddt.CheckpointException if it could not be saved; the previous checkpoint is
     *     still the one {@link #load} returns
     * @throws io.ddt.ConfigurationException if the store cannot hold a job of this id
     */
    void save(Checkpoint checkpoint);

    /**
     * Removes a job's checkpoint, so that the job starts from the beginning next time. Does
     * nothing if there is none.
     *
     * @param jobId the job's id; not null
     * @throws io.ddt.CheckpointException if it could not be removed
     * @throws io.ddt.ConfigurationException if the store cannot hold a job of this id
     */
    void delete(String jobId);
}
