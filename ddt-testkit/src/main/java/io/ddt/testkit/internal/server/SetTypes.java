package io.ddt.testkit.internal.server;

import java.util.Map;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Puts back the values of a {@code $set} that the engine skipped because they compare equal to
 * the old ones: the engine calls {@code $set: {a: NumberDecimal("5.0")}} on {@code a: 5} a no-op,
 * a member stores the new value unless its bytes are the same (type included). Only plain paths
 * through documents and existing array elements are fixed; positional paths are left alone.
 */
final class SetTypes {

    private SetTypes() {
    }

    /** Applies each {@code $set} value whose field exists but holds a value of another type. */
    static void restore(BsonDocument after, BsonDocument update) {
        BsonValue set = update.get("$set");
        if (set == null || !set.isDocument()) {
            return;
        }
        for (Map.Entry<String, BsonValue> field : set.asDocument().entrySet()) {
            if (!field.getKey().contains("$")) {
                restore(after, field.getKey().split("\\.", -1), field.getValue());
            }
        }
    }

    private static void restore(BsonDocument document, String[] path, BsonValue value) {
        BsonValue parent = document;
        for (int i = 0; i < path.length - 1 && parent != null; i++) {
            parent = child(parent, path[i]);
        }
        String last = path[path.length - 1];
        if (parent instanceof BsonDocument holder && holder.containsKey(last) && !holder.get(last).equals(value)) {
            holder.put(last, value);
        } else if (parent != null && parent.isArray() && isIndex(last, parent.asArray().size())
            && !parent.asArray().get(Integer.parseInt(last)).equals(value)) {
            parent.asArray().set(Integer.parseInt(last), value);
        }
    }

    private static BsonValue child(BsonValue parent, String step) {
        if (parent.isDocument()) {
            return parent.asDocument().get(step);
        }
        return parent.isArray() && isIndex(step, parent.asArray().size()) ? parent.asArray().get(Integer.parseInt(step)) : null;
    }

    private static boolean isIndex(String step, int size) {
        return !step.isEmpty() && step.length() < 10 && step.chars().allMatch(Character::isDigit) && Integer.parseInt(step) < size;
    }
}
