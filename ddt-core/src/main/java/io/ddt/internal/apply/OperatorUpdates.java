package io.ddt.internal.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

import io.ddt.internal.diff.OperatorOrder;

/**
 * Writes an {@link Edit} as a plain {@code {$set, $unset}} update where that gives the same
 * document as the diff applier on any version of the document, because operator updates are
 * cheaper for the target than pipelines. That holds only for a flat edit of top-level fields:
 * {@code $set} keeps an existing field in place as the applier does; a nested change would fail
 * on a value whose type changed later, where the applier writes null.
 *
 * <p>A field that {@code $set} appends comes in lexicographic order (MongoDB 5.0 and later), and
 * the applier appends in diff order. For a {@code $v:2} update field that cannot matter: it
 * existed before the update, so it is missing only where a later event deleted it again. A change
 * stream's updated field may be new, so there the names must already be in that order.
 */
final class OperatorUpdates {

    private OperatorUpdates() {
    }

    /**
     * Returns the operator form of the edit, or null where only a pipeline is exact.
     *
     * @param edit the edit of the whole document
     * @param updatesExisted true when every updated field existed before the update, as a
     *     {@code $v:2} diff's {@code u} fields did
     */
    static BsonDocument of(Edit.Document edit, boolean updatesExisted) {
        List<String> names = new ArrayList<>(edit.removed);
        names.addAll(edit.updates.keySet());
        if (!edit.isFlat() || names.isEmpty() || !names.stream().allMatch(OperatorUpdates::isPlainName)
            || !edit.updates.values().stream().allMatch(OperatorUpdates::isPlainValue)
            || !(updatesExisted || inAppendOrder(new ArrayList<>(edit.updates.keySet())))) {
            return null;
        }
        BsonDocument update = new BsonDocument();
        if (!edit.updates.isEmpty()) {
            BsonDocument set = new BsonDocument();
            edit.updates.forEach(set::append);
            update.append("$set", set);
        }
        if (!edit.removed.isEmpty()) {
            BsonDocument unset = new BsonDocument();
            edit.removed.forEach(field -> unset.append(field, new BsonString("")));
            update.append("$unset", unset);
        }
        return update;
    }

    /** Tells whether {@code $set} would append these names in the order given. */
    private static boolean inAppendOrder(List<String> names) {
        for (int i = 1; i < names.size(); i++) {
            if (OperatorOrder.PATHS.compare(names.get(i - 1), names.get(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** A name that an operator reads as one top-level field. */
    private static boolean isPlainName(String name) {
        return !name.isEmpty() && !name.startsWith("$") && name.indexOf('.') < 0;
    }

    /** A value that an operator stores as given: no field below it that it would refuse. */
    static boolean isPlainValue(BsonValue value) {
        if (value.isDocument()) {
            for (Map.Entry<String, BsonValue> field : value.asDocument().entrySet()) {
                if (!isPlainName(field.getKey()) || !isPlainValue(field.getValue())) {
                    return false;
                }
            }
        } else if (value.isArray()) {
            return value.asArray().stream().allMatch(OperatorUpdates::isPlainValue);
        }
        return true;
    }
}
