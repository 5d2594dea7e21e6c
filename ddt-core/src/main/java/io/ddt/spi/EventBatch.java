package io.ddt.spi;

import java.util.List;
import java.util.Objects;

import io.ddt.Position;
import io.ddt.event.ChangeEvent;

/**
 * Events read from the source in one go, in the source's order, and how far the source has been
 * read.
 *
 * @param events the events, oldest first; may be empty
 * @param position how far the source has been read: at or after the last event's position,
 *     later on a quiet source; every event up to it is in this batch or an earlier one
 * @param bytes the size of the events as read from the source, in bytes, for memory budgets: an
 *     applier counts them in flight from {@code apply} until the whole batch is applied; a batch
 *     that says 0 is not held back by the budget
 * @param last true if the stream reached its end position with this batch
 */
public record EventBatch(List<ChangeEvent> events, Position position, long bytes, boolean last) {

    /**
     * Checks and copies the arguments.
     *
     * @throws NullPointerException if {@code events} or {@code position} is null
     * @throws IllegalArgumentException if {@code bytes} is negative, or an event lies after
     *     {@code position}
     */
    public EventBatch {
        events = List.copyOf(events);
        Objects.requireNonNull(position, "position");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
        if (!events.isEmpty() && events.get(events.size() - 1).position().compareTo(position) > 0) {
            throw new IllegalArgumentException("the batch's position " + position + " is before its last event, "
                + events.get(events.size() - 1).position());
        }
    }

    /**
     * Returns an empty batch that only moves the position.
     *
     * @param position how far the source has been read
     * @return the batch
     */
    public static EventBatch idle(Position position) {
        return new EventBatch(List.of(), position, 0, false);
    }
}
