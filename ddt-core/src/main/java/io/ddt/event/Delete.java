package io.ddt.event;

import java.util.Objects;

import org.bson.BsonDocument;

import io.ddt.Namespace;

/**
 * A document was deleted.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the key's values.
 *
 * @param header the event's position, wall time and flags; not null
 * @param namespace the collection deleted from; not null
 * @param documentKey the {@code _id} and, for a sharded collection, the shard key; not null
 */
public record Delete(EventHeader header, Namespace namespace, BsonDocument documentKey) implements DocumentChange {

    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if an argument is null
     */
    public Delete {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(documentKey, "documentKey");
    }

    /**
     * Returns the kind, namespace, the size of the key, and the header.
     *
     * @return the text, without document values
     */
    @Override
    public String toString() {
        return "Delete[" + namespace + ", " + EventText.key(documentKey) + ", " + header + "]";
    }
}
