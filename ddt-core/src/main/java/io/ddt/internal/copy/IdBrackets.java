package io.ddt.internal.copy;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonString;
import org.bson.BsonValue;

import io.ddt.spi.RangeState;

/**
 * The BSON type brackets a collection's {@code _id}s are split by. MongoDB compares values only
 * within a type bracket ({@code {$gte: 5}} never matches a string), so a range must never rely
 * on a comparison across two: numbers, strings, ObjectIds and dates are split into sampled
 * ranges, each also held to its bracket by {@code $type}; every other type goes to one range,
 * {@code other}, selected as "none of those types". Each document thus belongs to exactly one
 * range.
 *
 * <p>A range that holds several types ({@code all}, {@code other}) is read in {@code _id} order
 * across types, so resuming it after a last {@code _id} must take both the larger values of
 * that {@code _id}'s type and every value of a type that sorts after it.
 */
final class IdBrackets {

    /** A collection small enough to copy whole: one range, no filter. */
    static final String ALL = "all";
    /** Every {@code _id} whose type is not one of the split brackets. */
    static final String OTHER = "other";

    static final List<String> SPLIT = List.of("number", "string", "objectId", "date");

    /** MongoDB's sort order of types, as {@code $type} names, one bracket a row. */
    private static final List<List<String>> ORDER = List.of(List.of("minKey"), List.of("undefined", "null"),
        List.of("double", "int", "long", "decimal"), List.of("string", "symbol"), List.of("object"), List.of("array"),
        List.of("binData"), List.of("objectId"), List.of("bool"), List.of("date"), List.of("timestamp"),
        List.of("regex"), List.of("dbPointer"), List.of("javascript"), List.of("javascriptWithScope"), List.of("maxKey"));

    private IdBrackets() {
    }

    /** The {@code $type} names of a split bracket; "number" is spelled out so every server knows it. */
    static BsonArray types(String bracket) {
        switch (bracket) {
            case "number": return strings(ORDER.get(2));
            case "string": return strings(List.of("string"));
            case "objectId": return strings(List.of("objectId"));
            case "date": return strings(List.of("date"));
            default: throw new IllegalArgumentException("not a split bracket: " + bracket);
        }
    }

    /** The bracket a value belongs to: one of {@link #SPLIT}, or {@link #OTHER}. */
    static String bracketOf(BsonValue id) {
        switch (id.getBsonType()) {
            case DOUBLE: case INT32: case INT64: case DECIMAL128: return "number";
            case STRING: return "string";
            case OBJECT_ID: return "objectId";
            case DATE_TIME: return "date";
            default: return OTHER;
        }
    }

    static BsonArray allSplitTypes() {
        BsonArray all = new BsonArray();
        for (String bracket : SPLIT) {
            all.addAll(types(bracket));
        }
        return all;
    }

    /** The filter of documents in a bracket at all. */
    static BsonDocument bracketFilter(String bracket) {
        if (bracket.equals(ALL)) {
            return new BsonDocument();
        }
        if (bracket.equals(OTHER)) {
            return new BsonDocument("_id", new BsonDocument("$not", new BsonDocument("$type", allSplitTypes())));
        }
        return new BsonDocument("_id", new BsonDocument("$type", types(bracket)));
    }

    /**
     * The filter of the documents of a range still to copy. Bounds: from the lower bound (or
     * after {@code lastId}), before the upper bound, written {@code $not: {$gte: upper}} so that
     * NaN, which no comparison matches, falls into its bracket's first range and nowhere else.
     */
    static BsonDocument rangeFilter(RangeState range) {
        List<BsonDocument> conditions = new ArrayList<>();
        BsonDocument bracket = bracketFilter(range.bracket());
        if (!bracket.isEmpty()) {
            conditions.add(bracket);
        }
        boolean split = !range.bracket().equals(ALL) && !range.bracket().equals(OTHER);
        if (range.lastId() != null) {
            conditions.add(after(range.lastId(), split));
        } else if (!isMin(range.lower())) {
            conditions.add(new BsonDocument("_id", new BsonDocument("$gte", range.lower())));
        }
        if (!isMax(range.upper())) {
            conditions.add(new BsonDocument("_id", new BsonDocument("$not", new BsonDocument("$gte", range.upper()))));
        }
        if (conditions.isEmpty()) {
            return new BsonDocument();
        }
        return conditions.size() == 1 ? conditions.get(0) : new BsonDocument("$and", new BsonArray(conditions));
    }

    /** Every {@code _id} after {@code lastId} in MongoDB's order, within one bracket or across all. */
    private static BsonDocument after(BsonValue lastId, boolean withinBracket) {
        BsonDocument sameType = isNaN(lastId)
            ? new BsonDocument("_id", new BsonDocument("$type", types("number"))
                .append("$ne", new BsonDouble(Double.NaN)))
            : new BsonDocument("_id", new BsonDocument("$gt", lastId));
        if (withinBracket) {
            return sameType;
        }
        BsonArray later = laterTypes(lastId);
        if (later.isEmpty()) {
            return sameType;
        }
        return new BsonDocument("$or", new BsonArray(List.of(sameType,
            new BsonDocument("_id", new BsonDocument("$type", later)))));
    }

    /** The {@code $type} names of every bracket that sorts after the value's. */
    static BsonArray laterTypes(BsonValue value) {
        String own = typeName(value);
        BsonArray later = new BsonArray();
        boolean found = false;
        for (List<String> bracket : ORDER) {
            if (found) {
                later.addAll(strings(bracket));
            } else if (bracket.contains(own)) {
                found = true;
            }
        }
        return later;
    }

    private static String typeName(BsonValue value) {
        switch (value.getBsonType()) {
            case MIN_KEY: return "minKey";
            case UNDEFINED: return "undefined";
            case NULL: return "null";
            case DOUBLE: return "double";
            case INT32: return "int";
            case INT64: return "long";
            case DECIMAL128: return "decimal";
            case STRING: return "string";
            case SYMBOL: return "symbol";
            case DOCUMENT: return "object";
            case ARRAY: return "array";
            case BINARY: return "binData";
            case OBJECT_ID: return "objectId";
            case BOOLEAN: return "bool";
            case DATE_TIME: return "date";
            case TIMESTAMP: return "timestamp";
            case REGULAR_EXPRESSION: return "regex";
            case DB_POINTER: return "dbPointer";
            case JAVASCRIPT: return "javascript";
            case JAVASCRIPT_WITH_SCOPE: return "javascriptWithScope";
            default: return "maxKey";
        }
    }

    private static boolean isNaN(BsonValue value) {
        return (value.isDouble() && Double.isNaN(value.asDouble().getValue()))
            || (value.isDecimal128() && value.asDecimal128().getValue().isNaN());
    }

    static boolean isMin(BsonValue value) {
        return value.getBsonType() == org.bson.BsonType.MIN_KEY;
    }

    static boolean isMax(BsonValue value) {
        return value.getBsonType() == org.bson.BsonType.MAX_KEY;
    }

    private static BsonArray strings(List<String> values) {
        BsonArray array = new BsonArray();
        for (String value : values) {
            array.add(new BsonString(value));
        }
        return array;
    }
}
