package io.ddt.testkit.internal.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.function.Predicate;

import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * A query filter that looks at nothing but {@code _id}, compiled into a test of one
 * {@code _id} and the stretch of the {@code _id} index that can hold matches: {@code _id}
 * equality, {@code $eq}, {@code $ne}, {@code $gt}, {@code $gte}, {@code $lt}, {@code $lte},
 * {@code $in}, {@code $nin}, {@code $type}, {@code $exists} and {@code $not} on {@code _id},
 * combined with {@code $and}, {@code $or} and {@code $nor}. Bounds come from the conditions
 * every match must meet (the top level and {@code $and}); the test decides.
 *
 * <p>Immutable and thread-safe once compiled.
 */
final class IdFilter {

    /** Thrown inside compilation for a filter the index cannot answer; the engine answers it. */
    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    private final Predicate<BsonValue> test;
    private final IdBounds bounds;

    private IdFilter(Predicate<BsonValue> test, IdBounds bounds) {
        this.test = test;
        this.bounds = bounds;
    }

    /** Compiles a filter, or returns null if it looks at more than {@code _id} or uses what this does not know. */
    static IdFilter compile(BsonDocument filter) {
        IdBounds bounds = new IdBounds();
        try {
            return new IdFilter(document(filter, bounds), bounds);
        } catch (Unsupported e) {
            return null;
        }
    }

    boolean matches(BsonValue id) {
        return test.test(id);
    }

    /** The part of a collection's {@code _id} index that can hold matches, ascending. */
    <V> NavigableMap<BsonValue, V> range(NavigableMap<BsonValue, V> index) {
        return bounds.apply(index);
    }

    /** A conjunction of the document's conditions; {@code bounds} is null where matches need not meet them all. */
    private static Predicate<BsonValue> document(BsonDocument filter, IdBounds bounds) {
        List<Predicate<BsonValue>> all = new ArrayList<>();
        for (Map.Entry<String, BsonValue> entry : filter.entrySet()) {
            switch (entry.getKey()) {
                case "_id":
                    all.add(condition(entry.getValue(), bounds));
                    break;
                case "$and":
                    for (BsonValue clause : clauses(entry.getValue())) {
                        all.add(document(clause.asDocument(), bounds));
                    }
                    break;
                case "$or":
                    all.add(any(entry.getValue()));
                    break;
                case "$nor":
                    all.add(any(entry.getValue()).negate());
                    break;
                default:
                    throw new Unsupported();
            }
        }
        return allOf(all);
    }

    private static Predicate<BsonValue> any(BsonValue clauses) {
        List<Predicate<BsonValue>> any = new ArrayList<>();
        for (BsonValue clause : clauses(clauses)) {
            any.add(document(clause.asDocument(), null));
        }
        return id -> any.stream().anyMatch(p -> p.test(id));
    }

    private static List<BsonValue> clauses(BsonValue value) {
        if (!value.isArray() || value.asArray().isEmpty()) {
            throw new Unsupported();
        }
        for (BsonValue clause : value.asArray()) {
            if (!clause.isDocument()) {
                throw new Unsupported();
            }
        }
        return value.asArray().getValues();
    }

    private static Predicate<BsonValue> condition(BsonValue value, IdBounds bounds) {
        if (!isOperators(value)) {
            return equality(value, bounds);
        }
        List<Predicate<BsonValue>> all = new ArrayList<>();
        for (Map.Entry<String, BsonValue> operator : value.asDocument().entrySet()) {
            all.add(operator(operator.getKey(), operator.getValue(), bounds));
        }
        return allOf(all);
    }

    private static boolean isOperators(BsonValue value) {
        if (!value.isDocument() || value.asDocument().isEmpty()) {
            return false;
        }
        long operators = value.asDocument().keySet().stream().filter(key -> key.startsWith("$")).count();
        if (operators != 0 && operators != value.asDocument().size()) {
            throw new Unsupported();
        }
        return operators != 0;
    }

    private static Predicate<BsonValue> operator(String name, BsonValue operand, IdBounds bounds) {
        switch (name) {
            case "$eq": return equality(operand, bounds);
            case "$ne": return equality(operand, null).negate();
            case "$gt": return comparison(IdMatch.Op.GT, operand, bounds);
            case "$gte": return comparison(IdMatch.Op.GTE, operand, bounds);
            case "$lt": return comparison(IdMatch.Op.LT, operand, bounds);
            case "$lte": return comparison(IdMatch.Op.LTE, operand, bounds);
            case "$in": return in(operand, bounds);
            case "$nin": return in(operand, null).negate();
            case "$type": return type(operand, bounds);
            case "$exists": return exists(operand);
            case "$not": return not(operand);
            default: throw new Unsupported();
        }
    }

    private static Predicate<BsonValue> equality(BsonValue operand, IdBounds bounds) {
        checkComparable(operand);
        if (bounds != null) {
            bounds.equalTo(operand);
        }
        return id -> IdMatch.compare(IdMatch.Op.EQ, id, operand);
    }

    private static Predicate<BsonValue> comparison(IdMatch.Op op, BsonValue operand, IdBounds bounds) {
        checkComparable(operand);
        if (bounds != null) {
            bounds.compared(op, operand);
        }
        return id -> IdMatch.compare(op, id, operand);
    }

    /** Regular expressions match rather than compare, and arrays compare element-wise: the engine answers those. */
    private static void checkComparable(BsonValue operand) {
        if (operand.isRegularExpression() || operand.isArray() || operand.getBsonType() == BsonType.UNDEFINED) {
            throw new Unsupported();
        }
    }

    private static Predicate<BsonValue> in(BsonValue operand, IdBounds bounds) {
        if (!operand.isArray()) {
            throw new Unsupported();
        }
        List<BsonValue> values = operand.asArray().getValues();
        values.forEach(IdFilter::checkComparable);
        if (bounds != null) {
            bounds.oneOf(values);
        }
        return id -> values.stream().anyMatch(value -> IdMatch.compare(IdMatch.Op.EQ, id, value));
    }

    private static Predicate<BsonValue> type(BsonValue operand, IdBounds bounds) {
        Set<BsonType> types = IdMatch.types(operand);
        if (types == null || types.isEmpty()) {
            throw new Unsupported();
        }
        if (bounds != null) {
            bounds.ofTypes(types);
        }
        return id -> types.contains(id.getBsonType());
    }

    private static Predicate<BsonValue> exists(BsonValue operand) {
        if (!operand.isBoolean() && !operand.isNumber()) {
            throw new Unsupported();
        }
        boolean exists = operand.isBoolean() ? operand.asBoolean().getValue() : operand.asNumber().doubleValue() != 0;
        return id -> exists; // every stored document has an _id
    }

    private static Predicate<BsonValue> not(BsonValue operand) {
        if (!operand.isDocument() || !isOperators(operand)) {
            throw new Unsupported();
        }
        return condition(operand, null).negate();
    }

    private static Predicate<BsonValue> allOf(List<Predicate<BsonValue>> all) {
        if (all.size() == 1) {
            return all.get(0);
        }
        return id -> {
            for (Predicate<BsonValue> p : all) {
                if (!p.test(id)) {
                    return false;
                }
            }
            return true;
        };
    }
}
