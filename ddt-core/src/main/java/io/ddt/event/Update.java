package io.ddt.event;

import java.util.Objects;

import org.bson.BsonDocument;

import io.ddt.Namespace;

/**
 * A document was changed in place: some of its fields set, removed or truncated, as described
 * by an {@link UpdateSpec}.
 *
 * <p>The change comes in the form the source wrote it: a {@code $v:2} diff
 * ({@link UpdateSpec.Diff}), a {@code $v:1} or older modifier document
 * ({@link UpdateSpec.Modifiers}), or a change stream's {@code updateDescription}
 * ({@link UpdateSpec.Description}). An update never carries the whole document: to apply it, the
 * document must exist on the target.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the document's values.
 *
 * @param header the event's position, wall time and flags; not null
 * @param namespace the collection written to; not null
 * @param documentKey the {@code _id} and, for a sharded collection, the shard key; not null
 * @param spec the change; not null
 */
public record Update(EventHeader header, Namespace namespace, BsonDocument documentKey, UpdateSpec spec)
    implements DocumentChange {

    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if an argument is null
     */
    public Update {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(documentKey, "documentKey");
        Objects.requireNonNull(spec, "spec");
    }

    /**
     * Returns the kind, namespace, the size of the key, the form of the change, and the header.
     *
     * @return the text, without document values
     */
    @Override
    public String toString() {
        return "Update[" + namespace + ", " + EventText.key(documentKey) + ", " + spec + ", " + header + "]";
    }
}
