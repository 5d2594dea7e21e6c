package io.ddt;

/**
 * Thrown when a job's checkpoint cannot be read or written: a stored checkpoint that is
 * truncated, corrupt, incomplete or written by a newer ddt, or a store that failed to save or
 * load (a disk error, a cluster that refused the write).
 *
 * <p>ddt never treats an unreadable checkpoint as no checkpoint: starting over silently would
 * redo the copy over a target that already holds data, or skip history. The message names the
 * job, where the checkpoint is (the file or the namespace), what is wrong with it and what to do:
 * restore the checkpoint, run the newer ddt that wrote it, or delete it to start the job from
 * the beginning. A failed save leaves the previous checkpoint in place, as the store promises.
 */
public class CheckpointException extends DdtException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception that says what is wrong with a checkpoint.
     *
     * @param message the job, where its checkpoint is, what is wrong and what to do
     */
    public CheckpointException(String message) {
        super(message);
    }

    /**
     * Creates an exception that says what is wrong with a checkpoint, keeping the error that
     * revealed it.
     *
     * @param message the job, where its checkpoint is, what is wrong and what to do
     * @param cause the underlying failure (an I/O or server error); may be {@code null}
     */
    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
