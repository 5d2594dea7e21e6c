package io.ddt.event;

import java.util.List;
import java.util.Objects;

import org.bson.BsonDocument;

import io.ddt.Namespace;

/**
 * Indexes were built on a collection: from a single-phase {@code createIndexes} oplog entry
 * (one index), a {@code commitIndexBuild} entry of a two-phase build (MongoDB 4.4 and later,
 * one or more indexes), or a change stream's {@code createIndexes} event.
 *
 * <p>Each spec is the index specification as the source wrote it ({@code v}, {@code key},
 * {@code name} and options such as {@code unique}, {@code expireAfterSeconds},
 * {@code partialFilterExpression}, {@code collation}, {@code hidden}), without the legacy
 * {@code ns} field of MongoDB 4.2 and earlier, which names the source namespace.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows index names, never key patterns or
 * option values.
 *
 * @param header the event's position, wall time and flags; not null
 * @param namespace the collection indexed; not null
 * @param indexes the index specs, at least one, each with a string {@code name}; unmodifiable
 */
public record CreateIndexes(EventHeader header, Namespace namespace, List<BsonDocument> indexes) implements Ddl {

    /**
     * Checks the arguments and copies the list.
     *
     * @throws NullPointerException if an argument is null or the list holds null
     * @throws IllegalArgumentException if there is no index, or a spec has no string {@code name}
     */
    public CreateIndexes {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(namespace, "namespace");
        indexes = List.copyOf(indexes);
        if (indexes.isEmpty()) {
            throw new IllegalArgumentException("createIndexes needs at least one index spec");
        }
        if (!indexes.stream().allMatch(spec -> spec.isString("name"))) {
            throw new IllegalArgumentException("every index spec needs a string 'name'");
        }
    }

    /**
     * Returns the names of the indexes, in the order of {@link #indexes()}.
     *
     * @return the names; unmodifiable
     */
    public List<String> names() {
        return indexes.stream().map(spec -> spec.getString("name").getValue()).toList();
    }

    /**
     * Returns the kind, namespace, index names and header.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "CreateIndexes[" + namespace + ", " + EventText.names(names()) + ", " + header + "]";
    }
}
