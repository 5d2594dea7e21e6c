package io.ddt.testkit.internal.server;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

import org.bson.BsonDocument;
import org.bson.BsonNumber;
import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * Compares values as aggregation expressions do (the server's canonical BSON order, numbers by
 * value across types, strings by their bytes, the simple collation) and names their types as
 * {@code $type} does. A missing value (null here) sorts before everything. Stateless.
 */
final class BsonOrder {

    private BsonOrder() {
    }

    /** The name {@code $type} gives a value's type; {@code "missing"} for null. */
    static String typeName(BsonValue value) {
        if (value == null) {
            return "missing";
        }
        return switch (value.getBsonType()) {
            case DOUBLE -> "double";
            case STRING -> "string";
            case DOCUMENT -> "object";
            case ARRAY -> "array";
            case BINARY -> "binData";
            case UNDEFINED -> "undefined";
            case OBJECT_ID -> "objectId";
            case BOOLEAN -> "bool";
            case DATE_TIME -> "date";
            case NULL -> "null";
            case REGULAR_EXPRESSION -> "regex";
            case DB_POINTER -> "dbPointer";
            case JAVASCRIPT -> "javascript";
            case SYMBOL -> "symbol";
            case JAVASCRIPT_WITH_SCOPE -> "javascriptWithScope";
            case INT32 -> "int";
            case TIMESTAMP -> "timestamp";
            case INT64 -> "long";
            case DECIMAL128 -> "decimal";
            case MIN_KEY -> "minKey";
            case MAX_KEY -> "maxKey";
            default -> throw new ExpressionEvaluator.Unsupported("type " + value.getBsonType());
        };
    }

    /** Tells whether a value counts as true in {@code $cond}, {@code $and} and the like. */
    static boolean isTrue(BsonValue value) {
        if (value == null || value.isNull() || value.getBsonType() == BsonType.UNDEFINED) {
            return false;
        }
        if (value.isBoolean()) {
            return value.asBoolean().getValue();
        }
        return !isNumber(value) || decimal(value).signum() != 0;
    }

    /** Compares two values; either may be null (missing). */
    static int compare(BsonValue left, BsonValue right) {
        int byRank = Integer.compare(rank(left), rank(right));
        if (byRank != 0 || left == null) {
            return byRank;
        }
        if (isNumber(left)) {
            return decimal(left).compareTo(decimal(right));
        }
        if (left.isString()) {
            return Arrays.compareUnsigned(bytes(left.asString().getValue()), bytes(right.asString().getValue()));
        }
        if (left.isDocument()) {
            return compareDocuments(left.asDocument(), right.asDocument());
        }
        if (left.isArray()) {
            return compareElements(left.asArray().iterator(), right.asArray().iterator());
        }
        if (left.isBoolean()) {
            return Boolean.compare(left.asBoolean().getValue(), right.asBoolean().getValue());
        }
        return left.equals(right) ? 0 : Integer.compare(left.hashCode(), right.hashCode());
    }

    private static int compareDocuments(BsonDocument left, BsonDocument right) {
        Iterator<Map.Entry<String, BsonValue>> l = left.entrySet().iterator();
        Iterator<Map.Entry<String, BsonValue>> r = right.entrySet().iterator();
        while (l.hasNext() && r.hasNext()) {
            Map.Entry<String, BsonValue> a = l.next();
            Map.Entry<String, BsonValue> b = r.next();
            int byValueType = Integer.compare(rank(a.getValue()), rank(b.getValue()));
            int byName = Arrays.compareUnsigned(bytes(a.getKey()), bytes(b.getKey()));
            int result = byValueType != 0 ? byValueType : byName != 0 ? byName : compare(a.getValue(), b.getValue());
            if (result != 0) {
                return result;
            }
        }
        return Boolean.compare(l.hasNext(), r.hasNext());
    }

    private static int compareElements(Iterator<BsonValue> left, Iterator<BsonValue> right) {
        while (left.hasNext() && right.hasNext()) {
            int result = compare(left.next(), right.next());
            if (result != 0) {
                return result;
            }
        }
        return Boolean.compare(left.hasNext(), right.hasNext());
    }

    static boolean isNumber(BsonValue value) {
        return value != null && (value.isNumber() || value.isDecimal128());
    }

    static BigDecimal decimal(BsonValue value) {
        if (value.isDecimal128()) {
            return value.asDecimal128().getValue().bigDecimalValue();
        }
        if (value.isDouble()) {
            return BigDecimal.valueOf(value.asDouble().getValue());
        }
        return BigDecimal.valueOf(((BsonNumber) value).longValue());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The server's canonical order of types; missing first. */
    private static int rank(BsonValue value) {
        if (value == null) {
            return 0;
        }
        return switch (value.getBsonType()) {
            case MIN_KEY -> 1;
            case NULL, UNDEFINED -> 2;
            case DOUBLE, INT32, INT64, DECIMAL128 -> 3;
            case STRING, SYMBOL -> 4;
            case DOCUMENT -> 5;
            case ARRAY -> 6;
            case BINARY -> 7;
            case OBJECT_ID -> 8;
            case BOOLEAN -> 9;
            case DATE_TIME -> 10;
            case TIMESTAMP -> 11;
            case REGULAR_EXPRESSION -> 12;
            case DB_POINTER -> 13;
            case JAVASCRIPT -> 14;
            case JAVASCRIPT_WITH_SCOPE -> 15;
            default -> 16;
        };
    }
}
