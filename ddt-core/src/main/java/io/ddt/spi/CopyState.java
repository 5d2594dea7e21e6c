package io.ddt.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * How far a full copy got: per source collection, its ranges and their progress. A copier
 * started with a state continues from it instead of starting over; a checkpoint stores it.
 *
 * <p>Immutable and thread-safe; the {@code with} methods return new states.
 */
public final class CopyState {

    private static final CopyState EMPTY = new CopyState(Map.of());

    private final Map<String, CollectionCopyState> collections;

    private CopyState(Map<String, CollectionCopyState> collections) {
        this.collections = Collections.unmodifiableMap(new LinkedHashMap<>(collections));
    }

    /**
     * The state of a copy that has not started.
     *
     * @return the empty state
     */
    public static CopyState empty() {
        return EMPTY;
    }

    /**
     * Returns the state of one source collection.
     *
     * @param namespace the source namespace, {@code db.collection}
     * @return its state, or null if the copy has not reached it
     */
    public CollectionCopyState collection(String namespace) {
        return collections.get(namespace);
    }

    /**
     * Returns every collection's state, in the order the copy planned them.
     *
     * @return the states
     */
    public List<CollectionCopyState> collections() {
        return new ArrayList<>(collections.values());
    }

    /**
     * Returns whether nothing has been planned yet.
     *
     * @return true for a copy that has not started
     */
    public boolean isEmpty() {
        return collections.isEmpty();
    }

    /**
     * Returns whether every planned collection is fully copied (and at least one was planned
     * or the copy found nothing to copy and said so by planning nothing).
     *
     * @return true when the copy is complete
     */
    public boolean isComplete() {
        return collections.values().stream().allMatch(CollectionCopyState::done);
    }

    /**
     * Returns the documents written so far over all collections.
     *
     * @return the count
     */
    public long documents() {
        return collections.values().stream().mapToLong(CollectionCopyState::documents).sum();
    }

    /**
     * Returns this state with one collection's state added or replaced.
     *
     * @param collection the collection's newer state
     * @return the new state
     */
    public CopyState with(CollectionCopyState collection) {
        Map<String, CollectionCopyState> updated = new LinkedHashMap<>(collections);
        updated.put(collection.namespace(), collection);
        return new CopyState(updated);
    }

    /**
     * Writes the state as a BSON document, for checkpoints.
     *
     * @return the document
     */
    public BsonDocument toBson() {
        BsonArray array = new BsonArray();
        collections.values().forEach(collection -> array.add(collection.toBson()));
        return new BsonDocument("collections", array);
    }

    /**
     * Reads a state written by {@link #toBson()}.
     *
     * @param document the document
     * @return the state
     * @throws IllegalArgumentException if the document is not a copy state
     */
    public static CopyState fromBson(BsonDocument document) {
        if (!document.isArray("collections")) {
            throw new IllegalArgumentException("not a copy state: no 'collections' array");
        }
        Map<String, CollectionCopyState> collections = new LinkedHashMap<>();
        for (BsonValue value : document.getArray("collections")) {
            CollectionCopyState collection = CollectionCopyState.fromBson(value.asDocument());
            collections.put(collection.namespace(), collection);
        }
        return new CopyState(collections);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CopyState && ((CopyState) other).collections.equals(collections);
    }

    @Override
    public int hashCode() {
        return collections.hashCode();
    }

    @Override
    public String toString() {
        long done = collections.values().stream().filter(CollectionCopyState::done).count();
        return "CopyState[" + done + "/" + collections.size() + " collections done, " + documents() + " documents]";
    }
}
