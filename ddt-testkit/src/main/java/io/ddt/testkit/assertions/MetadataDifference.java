package io.ddt.testkit.assertions;

import java.util.List;

import org.bson.BsonDocument;

/**
 * A difference in what describes a namespace rather than in its documents: the collection
 * itself, its type, its options, or one of its indexes.
 *
 * @param item what differs, such as {@code collection}, {@code collection options} or {@code index "a_1"}
 * @param kind missing, extra or different
 * @param keys the option or specification keys that differ; empty unless {@code DIFFERENT}
 * @param source the source's options or index specification, empty when the source has none
 * @param target the target's options or index specification, empty when the target has none
 */
record MetadataDifference(String item, DifferenceKind kind, List<String> keys, BsonDocument source, BsonDocument target) {

    MetadataDifference {
        keys = List.copyOf(keys);
    }

    static MetadataDifference of(String item, DifferenceKind kind) {
        return new MetadataDifference(item, kind, List.of(), new BsonDocument(), new BsonDocument());
    }
}
