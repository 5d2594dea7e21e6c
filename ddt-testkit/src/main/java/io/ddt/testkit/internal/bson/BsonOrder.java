package io.ddt.testkit.internal.bson;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.types.Decimal128;

/**
 * The order in which MongoDB sorts values under the simple collation: the order of the fake
 * cluster's {@code _id} index, and the order in which two cursors sorted by {@code _id} on the
 * server are merged by the content assertions. Types compare by the server's canonical type
 * rank first (all numbers share one rank), then by value; values that compare equal (int 1,
 * long 1, double 1.0) are one key of a unique index.
 *
 * <p>Stateless and thread-safe.
 */
public final class BsonOrder implements Comparator<BsonValue> {

    @Override
    public int compare(BsonValue left, BsonValue right) {
        int byType = Integer.compare(rank(left.getBsonType()), rank(right.getBsonType()));
        return byType != 0 ? byType : compareSameRank(left, right);
    }

    /** The server's canonical type order (bsontypes.h, canonicalizeBSONType). */
    public static int rank(BsonType type) {
        switch (type) {
            case MIN_KEY: return -1;
            case END_OF_DOCUMENT: case UNDEFINED: return 0;
            case NULL: return 5;
            case DOUBLE: case INT32: case INT64: case DECIMAL128: return 10;
            case STRING: case SYMBOL: return 15;
            case DOCUMENT: return 20;
            case ARRAY: return 25;
            case BINARY: return 30;
            case OBJECT_ID: return 35;
            case BOOLEAN: return 40;
            case DATE_TIME: return 45;
            case TIMESTAMP: return 47;
            case REGULAR_EXPRESSION: return 50;
            case DB_POINTER: return 55;
            case JAVASCRIPT: return 60;
            case JAVASCRIPT_WITH_SCOPE: return 65;
            case MAX_KEY: return 127;
            default: throw new IllegalArgumentException("unknown BSON type " + type);
        }
    }

    private int compareSameRank(BsonValue left, BsonValue right) {
        switch (left.getBsonType()) {
            case DOUBLE: case INT32: case INT64: case DECIMAL128: return compareNumbers(left, right);
            case STRING: case SYMBOL: return compareUtf8(text(left), text(right));
            case DOCUMENT: return compareDocuments(left.asDocument(), right.asDocument());
            case ARRAY: return compareArrays(left.asArray(), right.asArray());
            case BINARY: return compareBinary(left.asBinary(), right.asBinary());
            case OBJECT_ID: return left.asObjectId().getValue().compareTo(right.asObjectId().getValue());
            case BOOLEAN: return Boolean.compare(left.asBoolean().getValue(), right.asBoolean().getValue());
            case DATE_TIME: return Long.compare(left.asDateTime().getValue(), right.asDateTime().getValue());
            case TIMESTAMP: return Long.compareUnsigned(left.asTimestamp().getValue(), right.asTimestamp().getValue());
            case REGULAR_EXPRESSION: return compareRegex(left, right);
            case DB_POINTER: return compareDbPointers(left, right);
            case JAVASCRIPT: return compareUtf8(left.asJavaScript().getCode(), right.asJavaScript().getCode());
            case JAVASCRIPT_WITH_SCOPE: return compareCodeWithScope(left, right);
            default: return 0; // MinKey, MaxKey, null and undefined equal their own kind
        }
    }

    private static String text(BsonValue value) {
        return value.isString() ? value.asString().getValue() : value.asSymbol().getSymbol();
    }

    /**
     * Byte order of UTF-8 is code point order, which is what the server's memcmp gives; UTF-16
     * order differs only where a surrogate pair meets a character above U+D7FF, so chars are
     * compared directly until then, without encoding either string.
     */
    static int compareUtf8(String left, String right) {
        int length = Math.min(left.length(), right.length());
        for (int i = 0; i < length; i++) {
            char l = left.charAt(i);
            char r = right.charAt(i);
            if (l != r) {
                if (Character.isSurrogate(l) || Character.isSurrogate(r)) {
                    return Integer.compare(left.codePointAt(i), right.codePointAt(i));
                }
                return Character.compare(l, r);
            }
        }
        return Integer.compare(left.length(), right.length());
    }

    private static int compareNumbers(BsonValue left, BsonValue right) {
        if (integral(left) && integral(right)) {
            return Long.compare(left.asNumber().longValue(), right.asNumber().longValue());
        }
        if (left.isDouble() && right.isDouble() && !isNaN(left) && !isNaN(right)) {
            double l = left.asDouble().getValue();
            double r = right.asDouble().getValue();
            return l < r ? -1 : l > r ? 1 : 0; // -0.0 equals 0.0, as on the server
        }
        boolean leftNaN = isNaN(left);
        boolean rightNaN = isNaN(right);
        if (leftNaN || rightNaN) {
            // The server puts NaN below every other number and equal to itself.
            return Boolean.compare(rightNaN, leftNaN);
        }
        int leftInfinity = infinity(left);
        int rightInfinity = infinity(right);
        if (leftInfinity != 0 || rightInfinity != 0) {
            return Integer.compare(leftInfinity, rightInfinity);
        }
        return exact(left).compareTo(exact(right));
    }

    private static boolean integral(BsonValue number) {
        return number.isInt32() || number.isInt64();
    }

    private static boolean isNaN(BsonValue number) {
        return number.isDouble() && Double.isNaN(number.asDouble().getValue())
                || number.isDecimal128() && number.asDecimal128().getValue().isNaN();
    }

    /** -1 or 1 for an infinity, 0 for a finite number. */
    private static int infinity(BsonValue number) {
        if (number.isDouble() && Double.isInfinite(number.asDouble().getValue())) {
            return number.asDouble().getValue() > 0 ? 1 : -1;
        }
        if (number.isDecimal128() && number.asDecimal128().getValue().isInfinite()) {
            return number.asDecimal128().getValue().isNegative() ? -1 : 1;
        }
        return 0;
    }

    private static BigDecimal exact(BsonValue number) {
        switch (number.getBsonType()) {
            case INT32: return BigDecimal.valueOf(number.asInt32().getValue());
            case INT64: return BigDecimal.valueOf(number.asInt64().getValue());
            case DOUBLE: return new BigDecimal(number.asDouble().getValue());
            default: return decimal(number.asDecimal128().getValue());
        }
    }

    private static BigDecimal decimal(Decimal128 value) {
        try {
            return value.bigDecimalValue();
        } catch (ArithmeticException negativeZero) {
            // NaN and infinities were handled before; only -0 is left, and it equals zero.
            return BigDecimal.ZERO;
        }
    }

    /** Field by field: value type rank, then field name, then value; a prefix sorts first. */
    private int compareDocuments(BsonDocument left, BsonDocument right) {
        Iterator<Map.Entry<String, BsonValue>> l = left.entrySet().iterator();
        Iterator<Map.Entry<String, BsonValue>> r = right.entrySet().iterator();
        while (l.hasNext() && r.hasNext()) {
            Map.Entry<String, BsonValue> le = l.next();
            Map.Entry<String, BsonValue> re = r.next();
            int c = Integer.compare(rank(le.getValue().getBsonType()), rank(re.getValue().getBsonType()));
            if (c == 0) {
                c = compareUtf8(le.getKey(), re.getKey());
            }
            if (c == 0) {
                c = compareSameRank(le.getValue(), re.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(l.hasNext(), r.hasNext());
    }

    private int compareArrays(BsonArray left, BsonArray right) {
        List<BsonValue> l = left.getValues();
        List<BsonValue> r = right.getValues();
        for (int i = 0; i < Math.min(l.size(), r.size()); i++) {
            int c = compare(l.get(i), r.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(l.size(), r.size());
    }

    /** Length first, then subtype, then the bytes, as the server does. */
    private static int compareBinary(BsonBinary left, BsonBinary right) {
        int c = Integer.compare(left.getData().length, right.getData().length);
        if (c == 0) {
            c = Integer.compare(left.getType() & 0xff, right.getType() & 0xff);
        }
        return c != 0 ? c : Arrays.compareUnsigned(left.getData(), right.getData());
    }

    private static int compareRegex(BsonValue left, BsonValue right) {
        int c = compareUtf8(left.asRegularExpression().getPattern(), right.asRegularExpression().getPattern());
        return c != 0 ? c : compareUtf8(left.asRegularExpression().getOptions(), right.asRegularExpression().getOptions());
    }

    private static int compareDbPointers(BsonValue left, BsonValue right) {
        int c = compareUtf8(left.asDBPointer().getNamespace(), right.asDBPointer().getNamespace());
        return c != 0 ? c : left.asDBPointer().getId().compareTo(right.asDBPointer().getId());
    }

    private int compareCodeWithScope(BsonValue left, BsonValue right) {
        int c = compareUtf8(left.asJavaScriptWithScope().getCode(), right.asJavaScriptWithScope().getCode());
        return c != 0 ? c : compareDocuments(left.asJavaScriptWithScope().getScope(), right.asJavaScriptWithScope().getScope());
    }
}
