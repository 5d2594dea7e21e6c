package io.ddt.spi;

import io.ddt.Position;

/**
 * Told the watermarks that a checkpoint must hold before a {@link ChangeApplier} goes on: the
 * positions on either side of each DDL event it applies.
 *
 * <p><b>Why.</b> Replaying document writes over a later state of the target is harmless, but
 * replaying them across a DDL is not: with "insert X into a; rename a to b, dropping b; insert Y
 * into a" applied, a restart from before the insert of X puts Y into b as well. So a replay must
 * never start before a DDL that is already on the target. The applier therefore stops at every
 * DDL, with everything before it applied and nothing after it started, and calls
 * {@link #mustSave} twice: with the watermark just before the DDL, then, once the DDL is applied,
 * with the DDL's own position. A checkpoint that saves each before returning keeps every
 * restart, from it or from any later watermark, clear of applied DDL.
 *
 * <p><b>Threads.</b> Called synchronously on the applier's dispatching thread, while every
 * worker is idle and no later event has started; the applier waits for it to return. It must
 * not call back into the applier's {@code apply} or {@code flush}, and must not block forever:
 * closing the applier waits for it.
 *
 * <p><b>Failure.</b> An exception thrown here stops the applier as a failed write would (the
 * next {@code apply} or {@code flush} throws it): before the DDL if the first call failed, before
 * anything after the DDL if the second did. The positions given are at or before the applier's
 * {@link ChangeApplier#watermark()} by the time the call is made, and never go backwards.
 */
@FunctionalInterface
public interface WatermarkListener {

    /** A listener that saves nothing: for an applier whose restarts the caller does not need. */
    WatermarkListener NONE = watermark -> {
    };

    /**
     * The applier reached a watermark that must be saved before it goes on.
     *
     * @param watermark every event at or before it is on the target, and no event after it is
     *     started; not null
     */
    void mustSave(Position watermark);
}
