package io.ddt.event;

import java.util.Objects;

import io.ddt.Namespace;

/**
 * A collection was converted to a capped collection of a maximum size.
 *
 * <p>Only sources that log the command itself produce this event (MongoDB before 4.2, and
 * {@code applyOps} that contain it). MongoDB 4.2 and later log a conversion as its steps:
 * the creation of a temporary capped collection, the inserts that fill it, and a
 * {@link Rename} with {@code dropTarget} onto the original name; those steps replay to the same
 * result.
 *
 * <p>Immutable and thread-safe.
 *
 * @param header the event's position, wall time and flags; not null
 * @param namespace the collection converted; not null
 * @param size the capped collection's maximum size in bytes; positive
 */
public record ConvertToCapped(EventHeader header, Namespace namespace, long size) implements Ddl {

    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code size} is not positive
     */
    public ConvertToCapped {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(namespace, "namespace");
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive: " + size);
        }
    }

    /**
     * Returns the kind, namespace, size and header.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "ConvertToCapped[" + namespace + ", " + size + " bytes, " + header + "]";
    }
}
