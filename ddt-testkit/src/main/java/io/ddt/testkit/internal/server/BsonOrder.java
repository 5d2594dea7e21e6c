package io.ddt.testkit.internal.server;

import java.math.BigDecimal;

import org.bson.BsonNumber;
import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * Compares values as aggregation expressions do (the server's canonical BSON order, numbers by
 * value across types, strings by their bytes, the simple collation) and names their types as
 * {@code $type} does. A missing value (null here) sorts before everything. Stateless.
 */
final class BsonOrder {

    private static final io.ddt.testkit.internal.bson.BsonOrder ORDER = new io.ddt.testkit.internal.bson.BsonOrder();

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

    /**
     * Compares two values in the server's order; either may be null (missing, first). Delegates
     * to the one comparator the fake's index and the assertions share, so that update expressions
     * order NaN, symbols, binary data, ObjectIds and dates as the server does.
     */
    static int compare(BsonValue left, BsonValue right) {
        if (left == null || right == null) {
            return Boolean.compare(left != null, right != null);
        }
        return ORDER.compare(left, right);
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
}
