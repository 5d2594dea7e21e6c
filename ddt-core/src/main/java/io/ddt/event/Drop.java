package io.ddt.event;

import java.util.Objects;

import io.ddt.Namespace;

/**
 * A collection or a view was dropped. (A view's drop is written in the oplog as a delete from
 * {@code <db>.system.views}; {@code ChangeEvents} turns it into this event.)
 *
 * <p>Immutable and thread-safe.
 *
 * @param header the event's position, wall time and flags; not null
 * @param namespace the collection or view dropped; not null
 */
public record Drop(EventHeader header, Namespace namespace) implements Ddl {

    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if an argument is null
     */
    public Drop {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(namespace, "namespace");
    }

    /**
     * Returns the kind, namespace and header.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "Drop[" + namespace + ", " + header + "]";
    }
}
