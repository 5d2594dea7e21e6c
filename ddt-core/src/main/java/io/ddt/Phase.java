package io.ddt;

/**
 * Where a job is in its work, as its checkpoint records it: the copy, the replay of the source's
 * history, or finished. A restarted job continues from the phase its checkpoint names.
 *
 * <p>The phases follow the job's {@code SyncMode}: {@code FULL} goes {@link #COPYING} then
 * {@link #DONE}; {@code FULL_AND_INCREMENTAL} goes {@link #COPYING}, {@link #STREAMING} up to T1,
 * then {@link #DONE}; {@code FULL_AND_REALTIME} goes {@link #COPYING} then {@link #STREAMING}
 * until it is stopped (a cut-over that stops at a position ends in {@link #DONE}); {@code REALTIME}
 * starts in {@link #STREAMING}. A phase never goes back.
 */
public enum Phase {

    /**
     * The full copy is running: T0, the source's position before the copy, is known; the
     * checkpoint's copy state says which ranges are on the target. A restart resumes the copy.
     */
    COPYING,

    /**
     * The copy (if any) is over and the source's history is being replayed onto the target:
     * the checkpoint's watermark says how far. A restart replays from the watermark, or from T0
     * when nothing was applied yet.
     */
    STREAMING,

    /** The job reached its end (the copy, T1, or the position it was told to stop at). */
    DONE
}
