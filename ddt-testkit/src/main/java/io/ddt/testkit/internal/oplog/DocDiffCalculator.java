package io.ddt.testkit.internal.oplog;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * The server's {@code computeDocDiff} (src/mongo/db/update/document_diff_calculator.cpp): walks
 * the pre and post images side by side and records what changed. With the size limit (as in
 * {@code computeOplogDiff}) it gives up on a sub-diff, logging the whole value instead, as soon
 * as its estimated size passes the size of the value it describes; without it (as in
 * {@code computeOplogDiff_forTest}) it never does.
 *
 * <p>Immutable; safe from any thread.
 */
final class DocDiffCalculator {

    /** As {@code computeOplogDiff}. */
    static final DocDiffCalculator SIZE_LIMITED = new DocDiffCalculator(true);
    /** As {@code computeOplogDiff_forTest}: {@code ignoreSizeLimit=true}. */
    static final DocDiffCalculator UNLIMITED = new DocDiffCalculator(false);

    /**
     * Orders field names as the server's {@code std::set<StringData>} does: by UTF-8 bytes,
     * which is code point order (not {@link String#compareTo}, which compares UTF-16 units).
     */
    private static final Comparator<String> UTF8_ORDER = DocDiffCalculator::compareCodePoints;

    private final boolean sizeLimited;

    private DocDiffCalculator(boolean sizeLimited) {
        this.sizeLimited = sizeLimited;
    }

    /**
     * Returns the diff; with the size limit, null where the server logs the whole post image
     * instead, because the diff is not smaller than it.
     *
     * @param padding bytes added to the diff's estimated size before comparing it with the post
     *     image's size; the server passes 15 for the {@code $v} and {@code diff} wrapping
     */
    BsonDocument compute(BsonDocument pre, BsonDocument post, int padding) {
        DiffTree.DocumentNode root = diffDocument(pre, post, padding);
        if (root == null) {
            return null;
        }
        BsonDocument diff = root.serialize();
        boolean smaller = !sizeLimited
                || BsonValues.documentSize(diff) < BsonValues.documentSize(post);
        return smaller ? diff : null;
    }

    private DiffTree.DocumentNode diffDocument(BsonDocument pre, BsonDocument post,
            int padding) {
        DiffTree.DocumentNode node = new DiffTree.DocumentNode(padding);
        int postSize = sizeLimited ? BsonValues.documentSize(post) : Integer.MAX_VALUE;
        // Fields that left their place; deleted at the end unless they reappear later in post.
        TreeSet<String> moved = new TreeSet<>(UTF8_ORDER);
        Iterator<Map.Entry<String, BsonValue>> preIt = pre.entrySet().iterator();
        Iterator<Map.Entry<String, BsonValue>> postIt = post.entrySet().iterator();
        Map.Entry<String, BsonValue> preField = next(preIt);
        Map.Entry<String, BsonValue> postField = next(postIt);
        while (preField != null && postField != null) {
            if (postSize < node.estimatedSize()) {
                return null;
            }
            String name = preField.getKey();
            if (!name.equals(postField.getKey())) {
                moved.add(name);
                preField = next(preIt);
                continue;
            }
            BsonValue before = preField.getValue();
            BsonValue after = postField.getValue();
            if (!BsonValues.binaryEqual(before, after)) {
                diffField(node, name, before, after);
            }
            preField = next(preIt);
            postField = next(postIt);
        }
        // At most one side has fields left.
        for (; preField != null; preField = next(preIt)) {
            node.addDelete(preField.getKey());
        }
        for (; postField != null; postField = next(postIt)) {
            node.addInsert(postField.getKey(), postField.getValue());
            moved.remove(postField.getKey());
        }
        moved.forEach(node::addDelete);
        return postSize > node.estimatedSize() ? node : null;
    }

    private void diffField(DiffTree.DocumentNode node, String name, BsonValue before,
            BsonValue after) {
        DiffTree.Node child = bothContainersOfSameType(before, after) ? diffContainer(before, after)
                : null;
        if (child == null) {
            node.addUpdate(name, after);
        } else {
            node.addSubDiff(name, child);
        }
    }

    private DiffTree.ArrayNode diffArray(BsonArray pre, BsonArray post) {
        DiffTree.ArrayNode node = new DiffTree.ArrayNode();
        int postSize = sizeLimited ? BsonValues.arraySize(post) : Integer.MAX_VALUE;
        List<BsonValue> before = pre.getValues();
        List<BsonValue> after = post.getValues();
        int common = Math.min(before.size(), after.size());
        for (int i = 0; i < common; i++) {
            if (postSize < node.estimatedSize()) {
                return null;
            }
            if (!BsonValues.binaryEqual(before.get(i), after.get(i))) {
                diffElement(node, i, before.get(i), after.get(i));
            }
        }
        for (int i = common; i < after.size(); i++) {
            node.addUpdate(i, after.get(i));
        }
        if (before.size() > after.size()) {
            node.setResize(after.size());
        }
        return postSize > node.estimatedSize() ? node : null;
    }

    private void diffElement(DiffTree.ArrayNode node, int index, BsonValue before,
            BsonValue after) {
        DiffTree.Node child = bothContainersOfSameType(before, after) ? diffContainer(before, after)
                : null;
        if (child == null) {
            node.addUpdate(index, after);
        } else {
            node.addSubDiff(index, child);
        }
    }

    /** Returns the sub-diff, or null when it would be larger than the post value itself. */
    private DiffTree.Node diffContainer(BsonValue before, BsonValue after) {
        return before.isDocument() ? diffDocument(before.asDocument(), after.asDocument(), 0)
                : diffArray(before.asArray(), after.asArray());
    }

    private static boolean bothContainersOfSameType(BsonValue before, BsonValue after) {
        BsonType type = before.getBsonType();
        return type == after.getBsonType() && (type == BsonType.DOCUMENT || type == BsonType.ARRAY);
    }

    private static Map.Entry<String, BsonValue> next(Iterator<Map.Entry<String, BsonValue>> it) {
        return it.hasNext() ? it.next() : null;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
