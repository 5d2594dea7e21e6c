package io.ddt.internal.apply;

import java.util.Collection;
import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Builds the aggregation expressions of an update pipeline. Field names go through
 * {@code $literal} and {@code $getField}/{@code $setField} (MongoDB 5.0), never through field
 * paths, so names with dots, a leading {@code $} or nothing at all are read as names; values go
 * through {@code $literal}, so a value is never read as an expression.
 */
final class Expressions {

    static final BsonString REMOVE = new BsonString("$$REMOVE");

    private Expressions() {
    }

    /** A value as itself. */
    static BsonDocument literal(BsonValue value) {
        return new BsonDocument("$literal", value);
    }

    /** A reference to a variable, {@code $$name}. */
    static BsonString variable(String name) {
        return new BsonString("$$" + name);
    }

    /** The field {@code name} of the document {@code input}; missing if there is none. */
    static BsonDocument getField(String name, BsonValue input) {
        return new BsonDocument("$getField", new BsonDocument("field", literal(new BsonString(name))).append("input", input));
    }

    /**
     * A document of the one field {@code name}, or an empty one where the value is missing: an
     * expression object where the name is plain, else {@code $setField} on an empty document.
     */
    static BsonDocument field(String name, BsonValue value) {
        if (!name.isEmpty() && !name.startsWith("$") && name.indexOf('.') < 0) {
            return new BsonDocument(name, value);
        }
        return new BsonDocument("$setField", new BsonDocument("field", literal(new BsonString(name)))
            .append("input", new BsonDocument()).append("value", value));
    }

    /** The document {@code input} without the fields named. */
    static BsonDocument without(BsonValue input, Collection<String> names, String variable) {
        BsonArray namesArray = new BsonArray();
        names.forEach(name -> namesArray.add(new BsonString(name)));
        BsonDocument kept = new BsonDocument("$not", new BsonArray(List.of(new BsonDocument("$in",
            new BsonArray(List.of(new BsonString("$$" + variable + ".k"), literal(namesArray)))))));
        BsonDocument filter = new BsonDocument("$filter", new BsonDocument("input", new BsonDocument("$objectToArray", input))
            .append("as", new BsonString(variable)).append("cond", kept));
        return new BsonDocument("$arrayToObject", new BsonArray(List.of(filter)));
    }

    /** True where {@code value} is of the BSON type that {@code $type} names {@code type}. */
    static BsonDocument isType(BsonValue value, String type) {
        return call("$eq", new BsonDocument("$type", value), new BsonString(type));
    }

    /** {@code {$let: {vars: {name: value}, in: in}}}. */
    static BsonDocument let(String name, BsonValue value, BsonValue in) {
        return new BsonDocument("$let", new BsonDocument("vars", new BsonDocument(name, value)).append("in", in));
    }

    /** {@code {$switch: {branches: [...], default: otherwise}}}; each branch is {@link #when}. */
    static BsonDocument select(BsonArray branches, BsonValue otherwise) {
        return new BsonDocument("$switch", new BsonDocument("branches", branches).append("default", otherwise));
    }

    /** One branch of {@link #select}. */
    static BsonDocument when(BsonValue test, BsonValue then) {
        return new BsonDocument("case", test).append("then", then);
    }

    /** {@code {$cond: [test, then, otherwise]}}. */
    static BsonDocument cond(BsonValue test, BsonValue then, BsonValue otherwise) {
        return call("$cond", test, then, otherwise);
    }

    /** An operator applied to an argument list, {@code {op: [args...]}}. */
    static BsonDocument call(String operator, BsonValue... arguments) {
        return new BsonDocument(operator, new BsonArray(List.of(arguments)));
    }

    /** An int constant. */
    static BsonInt32 number(int value) {
        return new BsonInt32(value);
    }

    /** The BSON null constant. */
    static BsonValue nullValue() {
        return BsonNull.VALUE;
    }
}
