package io.ddt.internal.apply;

import java.util.Objects;

import io.ddt.DdtException;
import io.ddt.Position;
import io.ddt.spi.WatermarkListener;

/**
 * The watermarks that must be saved before the dispatcher goes on, on either side of a DDL event:
 * each moves the tracker's watermark up to it (every event at or before it is applied) and is
 * handed to the {@link WatermarkListener}, once, in increasing order. The listener is set before
 * the first batch and read by the dispatcher thread, which alone calls {@link #save}.
 */
final class SavePoints {

    private final BatchTracker tracker;
    private volatile WatermarkListener listener = WatermarkListener.NONE;
    /** The last position saved; dispatcher thread only. */
    private Position saved;

    SavePoints(BatchTracker tracker) {
        this.tracker = tracker;
    }

    void listener(WatermarkListener watermarkListener) {
        this.listener = Objects.requireNonNull(watermarkListener, "listener");
    }

    /**
     * Saves a watermark unless it is null or not past the last one saved; the caller has made sure
     * that every event at or before it is applied and none after it started.
     *
     * @throws DdtException if the listener failed, which stops the applier before it goes on
     */
    void save(Position watermark) {
        if (watermark == null || (saved != null && watermark.compareTo(saved) <= 0)) {
            return;
        }
        tracker.advance(watermark);
        try {
            listener.mustSave(watermark);
        } catch (RuntimeException e) {
            throw new DdtException("saving the watermark " + watermark + " at a DDL event failed, so applying stopped"
                + " there: " + e + ". Fix the checkpoint store, then restart from its last checkpoint", e);
        }
        saved = watermark;
    }
}
