package io.ddt.testkit.assertions;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Collation;
import com.mongodb.client.model.Sorts;
import org.bson.BsonNull;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

import io.ddt.testkit.internal.bson.BsonOrder;

/**
 * One side of the merge: the documents of a collection in {@code _id} order, read in batches
 * as raw bytes, with the current document held for comparison. It checks that the server's
 * order agrees with {@link BsonOrder}, since the merge would report nonsense otherwise.
 *
 * <p>Not thread-safe. Close it to release the server cursor.
 */
final class SortedCursor implements AutoCloseable {

    private final String description;
    private final BsonOrder order;
    private final MongoCursor<RawBsonDocument> cursor;
    private RawBsonDocument current;
    private BsonValue currentId;

    /**
     * @param simpleCollation whether to ask for the simple collation, needed when the
     *     collection has a default collation that would otherwise reorder string {@code _id}s
     */
    SortedCursor(String description, MongoCollection<RawBsonDocument> collection, int batchSize,
                 boolean simpleCollation, BsonOrder order) {
        this.description = description;
        this.order = order;
        var find = collection.find().sort(Sorts.ascending("_id")).batchSize(batchSize);
        if (simpleCollation) {
            // The _id index follows the collection's collation, so this sort may not use it;
            // let a large collection sort on disk rather than hit the in-memory sort limit.
            find = find.collation(Collation.builder().locale("simple").build()).allowDiskUse(true);
        }
        this.cursor = find.iterator();
        advance();
    }

    boolean exhausted() {
        return current == null;
    }

    RawBsonDocument document() {
        return current;
    }

    BsonValue id() {
        return currentId;
    }

    void advance() {
        BsonValue previous = currentId;
        current = cursor.hasNext() ? cursor.next() : null;
        currentId = current == null ? null : idOf(current);
        if (previous != null && currentId != null && order.compare(previous, currentId) >= 0) {
            throw new IllegalStateException("The documents of " + description + " did not arrive in the _id order"
                    + " the assertion expects (" + currentId.getBsonType() + " after " + previous.getBsonType()
                    + "); the comparison cannot be trusted for this collection.");
        }
    }

    private static BsonValue idOf(RawBsonDocument document) {
        // Only very old capped collections hold documents without _id; they sort as null does.
        BsonValue id = document.get("_id");
        return id == null ? BsonNull.VALUE : id;
    }

    @Override
    public void close() {
        cursor.close();
    }
}
