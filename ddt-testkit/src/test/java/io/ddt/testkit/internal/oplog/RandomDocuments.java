package io.ddt.testkit.internal.oplog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonUndefined;
import org.bson.BsonValue;
import org.bson.types.Decimal128;

/**
 * Random nested documents and random edits of them, drawn from a caller's seeded {@link Random}
 * so that a failing case can be replayed. Small name and number pools make collisions, reorders
 * and equal-but-differently-typed numbers common. Public for the applier's property tests.
 */
public final class RandomDocuments {

    private static final String[] NAMES = {
        "a", "b", "c", "d", "e", "f", "_id", "10", "2", "", "x.y",
        "\u00e9", "\uff21", "\ud83d\ude00",
    };
    private static final int MAX_DEPTH = 3;

    private final Random random;

    public RandomDocuments(Random random) {
        this.random = random;
    }

    public BsonDocument document(int depth) {
        BsonDocument document = new BsonDocument();
        // Top-level documents are larger, so that a diff is often smaller than the document.
        int size = depth == 0 ? 3 + random.nextInt(8) : random.nextInt(6);
        for (int i = 0; i < size; i++) {
            document.put(name(), value(depth + 1));
        }
        return document;
    }

    /** Returns a deep copy of {@code pre} with one to four random edits. */
    public BsonDocument edit(BsonDocument pre) {
        BsonDocument post = pre.clone();
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            editDocument(post, 0);
        }
        return post;
    }

    private void editDocument(BsonDocument document, int depth) {
        List<String> names = new ArrayList<>(document.keySet());
        String existing = names.isEmpty() ? name() : names.get(random.nextInt(names.size()));
        BsonValue current = document.get(existing);
        switch (random.nextInt(7)) {
            case 0: // set, possibly to the same number with another BSON type
                document.put(existing, current != null && random.nextBoolean()
                        ? retyped(current) : value(depth + 1));
                break;
            case 1:
                document.remove(existing);
                break;
            case 2: // move to the end
                if (current != null) {
                    document.remove(existing);
                    document.put(existing, current);
                }
                break;
            case 3:
                insertAt(document, name(), value(depth + 1), random.nextInt(names.size() + 1));
                break;
            case 4: // move to the front
                if (current != null) {
                    document.remove(existing);
                    insertAt(document, existing, current, 0);
                }
                break;
            default: // edit inside
                if (current != null && !editInside(current, depth + 1)) {
                    document.put(existing, value(depth + 1));
                }
        }
    }

    private void editArray(BsonArray array, int depth) {
        int size = array.size();
        int index = size == 0 ? 0 : random.nextInt(size);
        switch (random.nextInt(7)) {
            case 0:
                if (size > 0) {
                    array.set(index, random.nextBoolean() ? retyped(array.get(index))
                            : value(depth + 1));
                }
                break;
            case 1: // grow, sometimes by several
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    array.add(value(depth + 1));
                }
                break;
            case 2: // shrink from the end
                for (int n = random.nextInt(size + 1); n > 0; n--) {
                    array.remove(array.size() - 1);
                }
                break;
            case 3: // remove from the middle: everything after shifts
                if (size > 0) {
                    array.remove(index);
                }
                break;
            case 4: // insert at the front: everything shifts
                array.add(0, value(depth + 1));
                break;
            default:
                if (size > 0 && !editInside(array.get(index), depth + 1)) {
                    array.set(index, value(depth + 1));
                }
        }
    }

    /** Edits a nested document or array in place; returns false for other values. */
    private boolean editInside(BsonValue value, int depth) {
        if (value.isDocument()) {
            editDocument(value.asDocument(), depth);
            return true;
        }
        if (value.isArray()) {
            editArray(value.asArray(), depth);
            return true;
        }
        return false;
    }

    private BsonValue value(int depth) {
        int kinds = depth < MAX_DEPTH ? 14 : 11;
        int number = random.nextInt(3);
        switch (random.nextInt(kinds)) {
            case 0: return new BsonInt32(number);
            case 1: return new BsonInt64(number);
            case 2: return new BsonDouble(random.nextInt(4) == 0 ? -0.0 : number);
            case 3: return new BsonString(random.nextBoolean() ? "s" : "a longer string " + number);
            case 4: return BsonNull.VALUE;
            case 5: return BsonBoolean.valueOf(random.nextBoolean());
            case 6: return new BsonUndefined();
            case 7: return new BsonDecimal128(Decimal128.parse(number + ".0"));
            case 8: return new BsonDateTime(1_700_000_000_000L + number);
            case 9: return new BsonBinary(new byte[] {(byte) number, 7});
            case 10: return new BsonString("\u00e9\ud83d\ude00" + number);
            case 11: case 12: return document(depth);
            default: return array(depth);
        }
    }

    private BsonArray array(int depth) {
        BsonArray array = new BsonArray();
        int size = random.nextInt(6);
        for (int i = 0; i < size; i++) {
            array.add(value(depth + 1));
        }
        return array;
    }

    /** The same number as another numeric type, or a fresh value for non-numbers. */
    private BsonValue retyped(BsonValue value) {
        if (!value.isNumber()) {
            return value(MAX_DEPTH);
        }
        int n = value.asNumber().intValue();
        switch (random.nextInt(3)) {
            case 0: return new BsonInt32(n);
            case 1: return new BsonInt64(n);
            default: return new BsonDouble(n);
        }
    }

    private String name() {
        return NAMES[random.nextInt(NAMES.length)];
    }

    private static void insertAt(BsonDocument document, String name, BsonValue value,
            int position) {
        List<Map.Entry<String, BsonValue>> fields = new ArrayList<>();
        document.forEach((key, current) -> fields.add(Map.entry(key, current)));
        document.clear();
        int i = 0;
        for (Map.Entry<String, BsonValue> field : fields) {
            if (i++ == position) {
                document.put(name, value);
            }
            if (!field.getKey().equals(name)) {
                document.put(field.getKey(), field.getValue());
            }
        }
        document.put(name, value);
    }
}
