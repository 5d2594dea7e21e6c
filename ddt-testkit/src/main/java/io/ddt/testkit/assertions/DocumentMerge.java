package io.ddt.testkit.assertions;

import java.util.Arrays;

import com.mongodb.client.MongoCollection;
import org.bson.RawBsonDocument;

import io.ddt.testkit.internal.bson.BsonOrder;

/**
 * Compares the documents of two collections by walking both in {@code _id} order at once, the
 * way a merge sort merges: memory holds one batch per side, whatever the collections' sizes.
 * Documents with the same {@code _id} must be equal byte for byte, so field order and numeric
 * types count.
 *
 * <p>Stateless between calls; not for concurrent use of one instance.
 */
final class DocumentMerge {

    private final BsonOrder order = new BsonOrder();
    private final int batchSize;

    DocumentMerge(int batchSize) {
        this.batchSize = batchSize;
    }

    /**
     * Compares all documents of {@code source} with those of {@code target}.
     *
     * @param simpleCollation whether the collections need the simple collation to sort {@code _id}s by bytes
     * @return the tally of differences, empty when the collections hold the same documents
     */
    DocumentTally compare(MongoCollection<RawBsonDocument> source, MongoCollection<RawBsonDocument> target,
                          boolean simpleCollation) {
        DocumentTally tally = new DocumentTally();
        try (SortedCursor left = open("source " + source.getNamespace(), source, simpleCollation);
             SortedCursor right = open("target " + target.getNamespace(), target, simpleCollation)) {
            while (!left.exhausted() || !right.exhausted()) {
                step(left, right, tally);
            }
        }
        return tally;
    }

    private SortedCursor open(String description, MongoCollection<RawBsonDocument> collection, boolean simple) {
        return new SortedCursor(description, collection, batchSize, simple, order);
    }

    private void step(SortedCursor left, SortedCursor right, DocumentTally tally) {
        int c = left.exhausted() ? 1 : right.exhausted() ? -1 : order.compare(left.id(), right.id());
        if (c < 0) {
            tally.add(DocumentDifference.missing(left.id()));
            left.advance();
        } else if (c > 0) {
            tally.add(DocumentDifference.extra(right.id()));
            right.advance();
        } else {
            compareSameId(left, right, tally);
            left.advance();
            right.advance();
        }
    }

    private static void compareSameId(SortedCursor left, SortedCursor right, DocumentTally tally) {
        RawBsonDocument source = left.document();
        RawBsonDocument target = right.document();
        if (!sameBytes(source, target)) {
            tally.add(new DocumentDifference(DifferenceKind.DIFFERENT, left.id(),
                    FieldComparison.changedFields(source, target), FieldComparison.reorderedFields(source, target)));
        }
    }

    private static boolean sameBytes(RawBsonDocument a, RawBsonDocument b) {
        return Arrays.equals(a.getBackingArray(), a.getByteOffset(), a.getByteOffset() + a.getByteLength(),
                b.getBackingArray(), b.getByteOffset(), b.getByteOffset() + b.getByteLength());
    }
}
