package io.ddt.testkit.internal.oplog;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonValue;

import io.ddt.internal.diff.DiffReader;

/**
 * The server's diff applier as used for oplog application (src/mongo/db/update/
 * document_diff_applier.cpp, {@code mustCheckExistenceForInsertOperations=true}), quirks
 * included, because they are what makes re-applying an entry idempotent:
 * <ul>
 *   <li>an update keeps an existing field in place and appends a missing one;
 *   <li>an insert of an existing field removes it and appends it at the end;
 *   <li>deleting a missing field, or a sub-diff for a missing field, does nothing;
 *   <li>a sub-diff that meets a value of another type (or a missing array element) sets it to
 *       null, expecting a later entry to overwrite it;
 *   <li>array updates past the end pad the gap with nulls; {@code l} truncates or pads.
 * </ul>
 *
 * <p>Stateless; safe from any thread. Never modifies its arguments.
 */
final class DocDiffApplier {

    private DocDiffApplier() {}

    /** Returns a new document; {@code path} names the level in messages ("" at the top). */
    static BsonDocument applyToDocument(BsonDocument pre, BsonDocument diff, String path) {
        DiffReader.DocumentLevel level = DiffReader.readDocument(diff, path);
        BsonDocument post = new BsonDocument();
        Set<String> updatedInPlace = new HashSet<>();
        for (Map.Entry<String, BsonValue> field : pre.entrySet()) {
            String name = field.getKey();
            DiffReader.Change change = level.changes().get(name);
            if (change == null) {
                post.put(name, BsonValues.copy(field.getValue()));
                continue;
            }
            BsonValue value = applyToField(field.getValue(), change);
            if (value != null) {
                post.put(name, value);
            }
            DiffReader.Kind kind = change.kind();
            if (kind == DiffReader.Kind.UPDATE || kind == DiffReader.Kind.BINARY) {
                updatedInPlace.add(name);
            }
        }
        for (Map.Entry<String, BsonValue> field : level.appends()) {
            if (!updatedInPlace.contains(field.getKey())) {
                post.put(field.getKey(), BsonValues.copy(field.getValue()));
            }
        }
        return post;
    }

    /** Returns the field's new value, or null when it leaves its place (delete, insert). */
    private static BsonValue applyToField(BsonValue current, DiffReader.Change change) {
        switch (change.kind()) {
            case DELETE:
            case INSERT:
                return null;
            case UPDATE:
                return BsonValues.copy(change.value());
            case BINARY:
                return applyBinary(current, change);
            default:
                return applySubDiff(current, change);
        }
    }

    private static BsonValue applySubDiff(BsonValue current, DiffReader.Change change) {
        BsonDocument subDiff = change.value().asDocument();
        if (change.kind() == DiffReader.Kind.SUB_DOCUMENT && current.isDocument()) {
            return applyToDocument(current.asDocument(), subDiff, change.path());
        }
        if (change.kind() == DiffReader.Kind.SUB_ARRAY && current.isArray()) {
            return applyToArray(current.asArray(), subDiff, change.path());
        }
        // A later entry changed the type; it will overwrite this null.
        return BsonNull.VALUE;
    }

    private static BsonArray applyToArray(BsonArray pre, BsonDocument diff, String path) {
        DiffReader.ArrayLevel level = DiffReader.readArray(diff, path);
        Integer newLength = level.newLength();
        Iterator<DiffReader.ElementChange> changes = level.changes().iterator();
        DiffReader.ElementChange next = changes.hasNext() ? changes.next() : null;
        List<BsonValue> values = pre.getValues();
        int kept = newLength == null ? values.size() : Math.min(values.size(), newLength);
        BsonArray post = new BsonArray();
        int index = 0;
        for (; index < kept || (newLength != null && index < newLength) || next != null; index++) {
            BsonValue current = index < kept ? values.get(index) : null;
            if (next != null && next.index() == index) {
                post.add(applyToElement(current, next.change()));
                next = changes.hasNext() ? changes.next() : null;
            } else {
                post.add(current == null ? BsonNull.VALUE : BsonValues.copy(current));
            }
        }
        return post;
    }

    /** {@code current} is null past the end of the pre-image array. */
    private static BsonValue applyToElement(BsonValue current, DiffReader.Change change) {
        if (change.kind() == DiffReader.Kind.UPDATE) {
            return BsonValues.copy(change.value());
        }
        return current == null ? BsonNull.VALUE : applySubDiff(current, change);
    }

    /**
     * Applies a {@code b} entry {@code {o: offset, d: bytes}}: keeps the first {@code o} bytes
     * and replaces the rest with {@code d}, keeping the subtype. An offset past the end means a
     * later entry shrank the value, so it is left as it is.
     */
    private static BsonValue applyBinary(BsonValue current, DiffReader.Change change) {
        DiffReader.BinaryPatch patch = DiffReader.readBinary(change.value(), change.path());
        if (!current.isBinary()) {
            throw DiffReader.bad(change.path(), "",
                    "a binary diff needs binary data in the document, not "
                    + current.getBsonType());
        }
        byte[] before = current.asBinary().getData();
        if (before.length < patch.offset()) {
            return current;
        }
        byte[] after = Arrays.copyOf(before, patch.offset() + patch.data().length);
        System.arraycopy(patch.data(), 0, after, patch.offset(), patch.data().length);
        return new BsonBinary(current.asBinary().getType(), after);
    }
}
