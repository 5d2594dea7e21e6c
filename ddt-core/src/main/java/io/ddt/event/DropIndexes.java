package io.ddt.event;

import java.util.List;
import java.util.Objects;

import io.ddt.Namespace;

/**
 * Indexes were dropped from a collection, named as the source named them. The oplog writes one
 * entry per dropped index; a change stream one event per dropped index.
 *
 * <p>Immutable and thread-safe.
 *
 * @param header the event's position, wall time and flags; not null
 * @param namespace the collection; not null
 * @param names the names of the dropped indexes, at least one; unmodifiable
 */
public record DropIndexes(EventHeader header, Namespace namespace, List<String> names) implements Ddl {

    /**
     * Checks the arguments and copies the list.
     *
     * @throws NullPointerException if an argument is null or the list holds null
     * @throws IllegalArgumentException if there is no name
     */
    public DropIndexes {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(namespace, "namespace");
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("dropIndexes needs at least one index name");
        }
    }

    /**
     * Returns the kind, namespace, index names and header.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "DropIndexes[" + namespace + ", " + EventText.names(names) + ", " + header + "]";
    }
}
