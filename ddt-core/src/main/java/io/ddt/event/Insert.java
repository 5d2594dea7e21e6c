package io.ddt.event;

import java.util.Objects;

import org.bson.BsonDocument;

import io.ddt.Namespace;

/**
 * A document was inserted.
 *
 * <p>Immutable and thread-safe; see the package description for the documents it holds.
 * {@link #toString()} never shows the document's values.
 *
 * @param header the event's position, wall time and flags; not null
 * @param namespace the collection written to; not null
 * @param documentKey the {@code _id} and, for a sharded collection, the shard key; not null
 * @param document the whole inserted document; not null
 */
public record Insert(EventHeader header, Namespace namespace, BsonDocument documentKey, BsonDocument document)
    implements DocumentChange {

    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if an argument is null
     */
    public Insert {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(documentKey, "documentKey");
        Objects.requireNonNull(document, "document");
    }

    /**
     * Returns the kind, namespace, the sizes of key and document, and the header.
     *
     * @return the text, without document values
     */
    @Override
    public String toString() {
        return "Insert[" + namespace + ", " + EventText.key(documentKey) + ", document of "
            + EventText.fields(document) + ", " + header + "]";
    }
}
