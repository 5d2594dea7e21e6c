package io.ddt.event;

import java.util.Objects;

import io.ddt.Namespace;

/**
 * A collection was renamed, possibly into another database, possibly replacing an existing
 * collection.
 *
 * <p>From the oplog, {@code dropTarget} is true when the entry's {@code dropTarget} is
 * {@code true} or the dropped collection's UUID. A change stream tells it only with expanded
 * events ({@code operationDescription.dropTarget}, MongoDB 6.0 and later); without them it is
 * false even where a target was dropped, and the drop arrives as its own event.
 *
 * <p>Immutable and thread-safe.
 *
 * @param header the event's position, wall time and flags; not null
 * @param from the collection renamed; not null
 * @param to its new namespace; not null
 * @param dropTarget true if an existing collection at {@code to} was dropped first
 */
public record Rename(EventHeader header, Namespace from, Namespace to, boolean dropTarget) implements Ddl {

    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if an argument is null
     */
    public Rename {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /**
     * Returns the collection renamed, the same as {@link #from()}.
     *
     * @return the old namespace; never null
     */
    @Override
    public Namespace namespace() {
        return from;
    }

    /**
     * Returns the kind, both namespaces, {@code dropTarget} where it applies, and the header.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "Rename[" + from + " -> " + to + (dropTarget ? ", dropTarget" : "") + ", " + header + "]";
    }
}
