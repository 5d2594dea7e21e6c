package io.ddt.testkit.assertions;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Finds which top-level fields make two documents differ. Values compare strictly: the BSON
 * type counts (an int32 1 differs from a double 1.0) and so does the order of fields inside
 * embedded documents, as it does for the raw bytes.
 *
 * <p>Stateless and thread-safe.
 */
final class FieldComparison {

    private FieldComparison() {
    }

    /** Top-level fields present on one side only, or with a different value. */
    static List<String> changedFields(BsonDocument source, BsonDocument target) {
        Set<String> names = new LinkedHashSet<>(source.keySet());
        names.addAll(target.keySet());
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            BsonValue left = source.get(name);
            BsonValue right = target.get(name);
            if (left == null || right == null || !strictlyEqual(left, right)) {
                changed.add(name);
            }
        }
        return changed;
    }

    /** Fields present on both sides that sit at a different position among those shared fields. */
    static List<String> reorderedFields(BsonDocument source, BsonDocument target) {
        List<String> left = new ArrayList<>(source.keySet());
        List<String> right = new ArrayList<>(target.keySet());
        left.retainAll(target.keySet());
        right.retainAll(source.keySet());
        Set<String> moved = new LinkedHashSet<>();
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            if (!left.get(i).equals(right.get(i))) {
                moved.add(left.get(i));
                moved.add(right.get(i));
            }
        }
        return new ArrayList<>(moved);
    }

    /** Equality that, unlike {@link BsonDocument#equals}, respects the order of fields. */
    static boolean strictlyEqual(BsonValue left, BsonValue right) {
        if (left.getBsonType() != right.getBsonType()) {
            return false;
        }
        if (left.isDocument()) {
            return sameEntries(left.asDocument(), right.asDocument());
        }
        if (left.isArray()) {
            return sameElements(left.asArray().getValues(), right.asArray().getValues());
        }
        return left.equals(right);
    }

    private static boolean sameEntries(BsonDocument left, BsonDocument right) {
        if (left.size() != right.size()) {
            return false;
        }
        Iterator<Map.Entry<String, BsonValue>> r = right.entrySet().iterator();
        for (Map.Entry<String, BsonValue> l : left.entrySet()) {
            Map.Entry<String, BsonValue> other = r.next();
            if (!l.getKey().equals(other.getKey()) || !strictlyEqual(l.getValue(), other.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameElements(List<BsonValue> left, List<BsonValue> right) {
        if (left.size() != right.size()) {
            return false;
        }
        for (int i = 0; i < left.size(); i++) {
            if (!strictlyEqual(left.get(i), right.get(i))) {
                return false;
            }
        }
        return true;
    }
}
