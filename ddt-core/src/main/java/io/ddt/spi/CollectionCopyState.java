package io.ddt.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The copy state of one source collection: its ranges, and whether its metadata (the target
 * collection, its options and indexes) is in place. A collection with no ranges has not been
 * split yet.
 *
 * <p>Immutable and thread-safe.
 *
 * @param namespace the source namespace, {@code db.collection}
 * @param ranges the ranges, in {@code _id} order; empty before the split
 * @param indexesBuilt true once the target's indexes are built
 */
public record CollectionCopyState(String namespace, List<RangeState> ranges, boolean indexesBuilt) {

    /** Checks the arguments and copies the list. */
    public CollectionCopyState {
        Objects.requireNonNull(namespace, "namespace");
        ranges = List.copyOf(ranges);
    }

    /**
     * A collection not yet split.
     *
     * @param namespace the source namespace
     * @return the state
     */
    public static CollectionCopyState planned(String namespace) {
        return new CollectionCopyState(namespace, List.of(), false);
    }

    /**
     * Returns whether every range is done and the indexes are built.
     *
     * @return true when the collection is fully copied
     */
    public boolean done() {
        return !ranges.isEmpty() && indexesBuilt && ranges.stream().allMatch(RangeState::done);
    }

    /**
     * Returns the documents written so far over all ranges.
     *
     * @return the count
     */
    public long documents() {
        return ranges.stream().mapToLong(RangeState::documents).sum();
    }

    /**
     * Returns this state with one range replaced by its newer state.
     *
     * @param range the range, matched by its index
     * @return the new state
     */
    public CollectionCopyState with(RangeState range) {
        List<RangeState> updated = new ArrayList<>(ranges);
        updated.set(range.index(), range);
        return new CollectionCopyState(namespace, updated, indexesBuilt);
    }

    /**
     * Returns this state with its ranges set, after the split.
     *
     * @param split the ranges
     * @return the new state
     */
    public CollectionCopyState withRanges(List<RangeState> split) {
        return new CollectionCopyState(namespace, split, indexesBuilt);
    }

    /**
     * Returns this state with its indexes marked built.
     *
     * @return the new state
     */
    public CollectionCopyState withIndexesBuilt() {
        return new CollectionCopyState(namespace, ranges, true);
    }

    /**
     * Writes the state as a BSON document, for checkpoints.
     *
     * @return the document
     */
    public BsonDocument toBson() {
        BsonArray array = new BsonArray();
        ranges.forEach(range -> array.add(range.toBson()));
        return new BsonDocument("namespace", new BsonString(namespace)).append("ranges", array)
            .append("indexesBuilt", BsonBoolean.valueOf(indexesBuilt));
    }

    /**
     * Reads a state written by {@link #toBson()}.
     *
     * @param document the document
     * @return the state
     * @throws IllegalArgumentException if the document is not such a state
     */
    public static CollectionCopyState fromBson(BsonDocument document) {
        try {
            List<RangeState> ranges = new ArrayList<>();
            for (BsonValue value : document.getArray("ranges")) {
                ranges.add(RangeState.fromBson(value.asDocument()));
            }
            return new CollectionCopyState(document.getString("namespace").getValue(), ranges,
                document.getBoolean("indexesBuilt").getValue());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a collection copy state: " + e.getMessage(), e);
        }
    }
}
