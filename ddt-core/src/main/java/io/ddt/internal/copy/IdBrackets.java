package io.ddt.internal.copy;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;

import io.ddt.spi.RangeState;

/**
 * The BSON type brackets a large collection's {@code _id}s are split by. MongoDB compares values
 * only within a type bracket ({@code {$gte: 5}} never matches a string), so a range must never
 * straddle two: numbers, strings, ObjectIds and dates are split into sampled ranges; every other
 * type goes to one range, {@code other}, selected as "none of those types". Each document thus
 * belongs to exactly one range.
 */
final class IdBrackets {

    /** A collection small enough to copy whole: one range, no filter. */
    static final String ALL = "all";
    /** Every {@code _id} whose type is not one of the split brackets. */
    static final String OTHER = "other";

    static final List<String> SPLIT = List.of("number", "string", "objectId", "date");

    private IdBrackets() {
    }

    /** The {@code $type} names of a bracket; "number" is spelled out so the fake cluster knows it too. */
    static BsonArray types(String bracket) {
        switch (bracket) {
            case "number": return strings("double", "int", "long", "decimal");
            case "string": return strings("string");
            case "objectId": return strings("objectId");
            case "date": return strings("date");
            default: throw new IllegalArgumentException("not a split bracket: " + bracket);
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
     * The filter of the documents of a range still to copy: after {@code lastId} if set, else
     * from the lower bound; before the upper bound. An upper bound is written as
     * {@code $not: {$gte: upper}} so that values no comparison matches (NaN) fall into the
     * bracket's first range and nowhere else.
     */
    static BsonDocument rangeFilter(RangeState range) {
        if (range.bracket().equals(ALL) || range.bracket().equals(OTHER)) {
            BsonDocument filter = bracketFilter(range.bracket());
            if (range.lastId() != null) {
                return and(filter, new BsonDocument("_id", new BsonDocument("$gt", range.lastId())));
            }
            return filter;
        }
        List<BsonDocument> conditions = new ArrayList<>();
        if (range.lastId() != null) {
            conditions.add(new BsonDocument("_id", new BsonDocument("$gt", range.lastId())));
        } else if (!(range.lower().getBsonType() == org.bson.BsonType.MIN_KEY)) {
            conditions.add(new BsonDocument("_id", new BsonDocument("$gte", range.lower())));
        } else {
            conditions.add(bracketFilter(range.bracket()));
        }
        if (!(range.upper().getBsonType() == org.bson.BsonType.MAX_KEY)) {
            conditions.add(new BsonDocument("_id", new BsonDocument("$not", new BsonDocument("$gte", range.upper()))));
            if (range.lastId() != null || !(range.lower().getBsonType() == org.bson.BsonType.MIN_KEY)) {
                conditions.add(bracketFilter(range.bracket()));
            }
        }
        return conditions.size() == 1 ? conditions.get(0) : new BsonDocument("$and", new BsonArray(conditions));
    }

    private static BsonDocument and(BsonDocument a, BsonDocument b) {
        if (a.isEmpty()) {
            return b;
        }
        return new BsonDocument("$and", new BsonArray(List.of(a, b)));
    }

    private static BsonArray strings(String... values) {
        BsonArray array = new BsonArray();
        for (String value : values) {
            array.add(new BsonString(value));
        }
        return array;
    }
}
