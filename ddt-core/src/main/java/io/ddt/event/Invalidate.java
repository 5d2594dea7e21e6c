package io.ddt.event;

import java.util.Objects;

/**
 * A change stream was invalidated: the collection or database it watched was dropped or
 * renamed, and the server closed the stream. No data changed.
 *
 * <p>The stream that read this event must be reopened to go on, with {@code startAfter} set to
 * this event's resume token ({@code position().resumeToken()}); {@code resumeAfter} cannot pass
 * an invalidate. Oplog readers never produce it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param header the event's position (with the invalidate's resume token) and wall time; not
 *     null
 */
public record Invalidate(EventHeader header) implements ChangeEvent {

    /**
     * Checks the argument.
     *
     * @throws NullPointerException if {@code header} is null
     */
    public Invalidate {
        Objects.requireNonNull(header, "header");
    }

    /**
     * Returns the kind and header.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "Invalidate[" + header + "]";
    }
}
