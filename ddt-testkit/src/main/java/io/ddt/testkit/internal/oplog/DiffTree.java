package io.ddt.testkit.internal.oplog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/**
 * The server's diff tree ({@code diff_tree::DocumentSubDiffNode} and {@code ArrayNode}): the
 * changes found so far, with the server's running estimate of the serialized size.
 *
 * <p>The estimate is not the exact size, and it decides whether a sub-diff is kept or the whole
 * value is logged instead, so it follows {@code ApproxBSONSizeTracker} to the byte. Nodes are
 * mutable and confined to the thread computing one diff.
 */
final class DiffTree {

    private DiffTree() {}

    /** A node whose estimated size its parent adds to its own. */
    interface Node {
        /** Returns the server's estimate of this node's serialized size. */
        int estimatedSize();

        /** Returns the node as a diff, in the server's field order. */
        BsonDocument serialize();
    }

    /** A document's changes: sections d, u, i, then one {@code s<field>} per sub-diff. */
    static final class DocumentNode implements Node {
        /** Type byte, one-letter field name, its zero byte and an empty document. */
        private static final int SECTION_WRAPPING = 8;

        private final List<String> deletes = new ArrayList<>();
        private final List<Map.Entry<String, BsonValue>> updates = new ArrayList<>();
        private final List<Map.Entry<String, BsonValue>> inserts = new ArrayList<>();
        private final List<Map.Entry<String, Node>> subDiffs = new ArrayList<>();
        private int size;

        DocumentNode(int padding) {
            size = padding + BsonValues.EMPTY_DOCUMENT_SIZE;
        }

        void addDelete(String field) {
            size += entrySize(field) + 1 + (deletes.isEmpty() ? SECTION_WRAPPING : 0);
            deletes.add(field);
        }

        void addUpdate(String field, BsonValue value) {
            size += entrySize(field) + BsonValues.valueSize(value)
                    + (updates.isEmpty() ? SECTION_WRAPPING : 0);
            updates.add(Map.entry(field, value));
        }

        void addInsert(String field, BsonValue value) {
            size += entrySize(field) + BsonValues.valueSize(value)
                    + (inserts.isEmpty() ? SECTION_WRAPPING : 0);
            inserts.add(Map.entry(field, value));
        }

        void addSubDiff(String field, Node child) {
            // +1 for the 's' prefix of the serialized field name.
            size += entrySize(field) + child.estimatedSize() + 1;
            subDiffs.add(Map.entry(field, child));
        }

        @Override
        public int estimatedSize() {
            return size;
        }

        @Override
        public BsonDocument serialize() {
            BsonDocument diff = new BsonDocument();
            if (!deletes.isEmpty()) {
                BsonDocument section = new BsonDocument();
                deletes.forEach(field -> section.put(field, BsonBoolean.FALSE));
                diff.put("d", section);
            }
            putSection(diff, "u", updates);
            putSection(diff, "i", inserts);
            subDiffs.forEach(sub -> diff.put("s" + sub.getKey(), sub.getValue().serialize()));
            return diff;
        }

        private static void putSection(BsonDocument diff, String name,
                List<Map.Entry<String, BsonValue>> fields) {
            if (!fields.isEmpty()) {
                BsonDocument section = new BsonDocument();
                fields.forEach(f -> section.put(f.getKey(), BsonValues.copy(f.getValue())));
                diff.put(name, section);
            }
        }

        /** Type byte, the field name and its zero byte. */
        private static int entrySize(String field) {
            return BsonValues.cStringSize(field) + 1;
        }
    }

    /** An array's changes: {@code a:true}, the optional new length {@code l}, then by index. */
    static final class ArrayNode implements Node {
        /** Empty document, field "a", its zero byte, type byte and the boolean. */
        private static final int EMPTY_SIZE = 9;
        /** Field "l", its zero byte, type byte and an int32. */
        private static final int RESIZE_SIZE = 7;

        private final List<Map.Entry<String, Object>> entries = new ArrayList<>();
        private Integer resize;
        private int size = EMPTY_SIZE;

        /** Records a new value at {@code index}; indexes must be added in ascending order. */
        void addUpdate(int index, BsonValue value) {
            size += entrySize(index) + BsonValues.valueSize(value);
            entries.add(Map.entry("u" + index, value));
        }

        /** Records a sub-diff at {@code index}; indexes must be added in ascending order. */
        void addSubDiff(int index, Node child) {
            size += entrySize(index) + child.estimatedSize();
            entries.add(Map.entry("s" + index, child));
        }

        void setResize(int newLength) {
            resize = newLength;
            size += RESIZE_SIZE;
        }

        @Override
        public int estimatedSize() {
            return size;
        }

        @Override
        public BsonDocument serialize() {
            BsonDocument diff = new BsonDocument("a", BsonBoolean.TRUE);
            if (resize != null) {
                diff.put("l", new BsonInt32(resize));
            }
            for (Map.Entry<String, Object> entry : entries) {
                Object change = entry.getValue();
                BsonValue value = change instanceof Node node
                        ? node.serialize() : BsonValues.copy((BsonValue) change);
                diff.put(entry.getKey(), value);
            }
            return diff;
        }

        /** Type byte, the 'u' or 's' prefix, the index digits and the name's zero byte. */
        private static int entrySize(int index) {
            return 1 + BsonValues.decimalDigits(index) + 2;
        }
    }
}
