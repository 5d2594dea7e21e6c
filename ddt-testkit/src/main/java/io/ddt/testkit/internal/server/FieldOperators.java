package io.ddt.testkit.internal.server;

import java.util.Map;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The expression operators that read and build documents field by field, as a 7.0 member
 * evaluates them: {@code $getField}, {@code $setField}, {@code $unsetField},
 * {@code $mergeObjects}, {@code $objectToArray} and {@code $arrayToObject}. Setting a field that
 * exists keeps its place, a new one goes last, as the server's {@code MutableDocument} does.
 */
final class FieldOperators {

    private FieldOperators() {
    }

    static BsonValue apply(String operator, BsonValue argument, ExpressionEvaluator evaluator) {
        return switch (operator) {
            case "$getField" -> getField(argument, evaluator);
            case "$setField", "$unsetField" -> setField(argument.asDocument(), operator.equals("$unsetField"), evaluator);
            case "$mergeObjects" -> merge(argument, evaluator);
            case "$objectToArray" -> toArray(single(argument, evaluator));
            default -> toObject(single(argument, evaluator));
        };
    }

    private static BsonValue single(BsonValue argument, ExpressionEvaluator evaluator) {
        return evaluator.evaluate(argument.isArray() ? argument.asArray().get(0) : argument);
    }

    private static BsonValue getField(BsonValue argument, ExpressionEvaluator evaluator) {
        boolean full = argument.isDocument() && argument.asDocument().containsKey("field");
        String field = fieldName(evaluator.evaluate(full ? argument.asDocument().get("field") : argument));
        BsonValue input = evaluator.evaluate(full && argument.asDocument().containsKey("input")
            ? argument.asDocument().get("input") : new BsonString("$$CURRENT"));
        if (input == null) {
            return null;
        }
        if (input.isNull()) {
            return BsonNull.VALUE;
        }
        return input.isDocument() ? input.asDocument().get(field) : null;
    }

    private static BsonValue setField(BsonDocument specification, boolean unset, ExpressionEvaluator evaluator) {
        String field = fieldName(evaluator.evaluate(specification.get("field")));
        BsonValue input = evaluator.evaluate(specification.get("input"));
        if (input == null || input.isNull()) {
            return BsonNull.VALUE;
        }
        if (!input.isDocument()) {
            throw new CommandException(4161105, "Location4161105", "$setField requires 'input' to evaluate to type Object");
        }
        BsonValue value = unset ? null : evaluator.evaluate(specification.get("value"));
        BsonDocument result = input.asDocument().clone();
        put(result, field, value);
        return result;
    }

    private static BsonValue merge(BsonValue argument, ExpressionEvaluator evaluator) {
        BsonDocument result = new BsonDocument();
        for (BsonValue value : argument.isArray() ? argument.asArray() : new BsonArray(java.util.List.of(argument))) {
            BsonValue object = evaluator.evaluate(value);
            if (object == null || object.isNull()) {
                continue;
            }
            if (!object.isDocument()) {
                throw new CommandException(40400, "Location40400", "$mergeObjects requires object inputs, but input "
                    + object + " is of type " + BsonOrder.typeName(object));
            }
            object.asDocument().forEach(result::put);
        }
        return result;
    }

    private static BsonValue toArray(BsonValue input) {
        if (input == null || input.isNull()) {
            return BsonNull.VALUE;
        }
        if (!input.isDocument()) {
            throw new CommandException(40390, "Location40390", "$objectToArray requires a document input, found: "
                + BsonOrder.typeName(input));
        }
        BsonArray result = new BsonArray();
        for (Map.Entry<String, BsonValue> field : input.asDocument().entrySet()) {
            result.add(new BsonDocument("k", new BsonString(field.getKey())).append("v", field.getValue()));
        }
        return result;
    }

    private static BsonValue toObject(BsonValue input) {
        if (input == null || input.isNull()) {
            return BsonNull.VALUE;
        }
        if (!input.isArray()) {
            throw new CommandException(40386, "Location40386", "$arrayToObject requires an array input, found: "
                + BsonOrder.typeName(input));
        }
        BsonDocument result = new BsonDocument();
        for (BsonValue pair : input.asArray()) {
            boolean asArray = pair.isArray();
            BsonValue key = asArray ? pair.asArray().get(0) : pair.asDocument().get("k");
            BsonValue value = asArray ? pair.asArray().get(1) : pair.asDocument().get("v");
            if (key == null || !key.isString() || value == null) {
                throw new CommandException(40394, "Location40394", "$arrayToObject requires keys of type string and a value");
            }
            result.put(key.asString().getValue(), value);
        }
        return result;
    }

    private static String fieldName(BsonValue field) {
        if (field == null || !field.isString()) {
            throw new CommandException(3041704, "Location3041704", "$getField requires 'field' to evaluate to type String");
        }
        return field.asString().getValue();
    }

    /** Sets a field in place, appends it if new, removes it for a missing value. */
    private static void put(BsonDocument document, String field, BsonValue value) {
        if (value == null) {
            document.remove(field);
        } else {
            document.put(field, value);
        }
    }
}
