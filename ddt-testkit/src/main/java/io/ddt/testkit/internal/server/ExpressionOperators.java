package io.ddt.testkit.internal.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The expression operators of {@link ExpressionEvaluator}, each as a 7.0 member evaluates it,
 * errors included where a pipeline can meet them: {@code $literal}, {@code $let}, {@code $cond},
 * {@code $switch}, {@code $ifNull}, comparisons, {@code $and}/{@code $or}/{@code $not},
 * {@code $type}, {@code $getField}, {@code $setField}, {@code $unsetField},
 * {@code $mergeObjects}, {@code $objectToArray}, {@code $arrayToObject}, {@code $filter},
 * {@code $map}, {@code $range}, {@code $size}, {@code $max}, {@code $min},
 * {@code $arrayElemAt}, {@code $in} and {@code $concatArrays}.
 */
final class ExpressionOperators {

    private final ExpressionEvaluator evaluator;

    ExpressionOperators(ExpressionEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** Applies one operator to its unevaluated argument; null for missing. */
    BsonValue apply(String operator, BsonValue argument) {
        return switch (operator) {
            case "$literal" -> argument;
            case "$let" -> let(argument.asDocument());
            case "$cond" -> cond(argument);
            case "$switch" -> select(argument.asDocument());
            case "$ifNull" -> ifNull(arguments(argument));
            case "$eq", "$ne", "$lt", "$lte", "$gt", "$gte" -> compare(operator, arguments(argument));
            case "$and", "$or", "$not" -> logic(operator, arguments(argument));
            case "$type" -> new BsonString(BsonOrder.typeName(single(argument)));
            case "$getField", "$setField", "$unsetField" -> FieldOperators.apply(operator, argument, evaluator);
            case "$mergeObjects", "$objectToArray", "$arrayToObject" -> FieldOperators.apply(operator, argument, evaluator);
            case "$filter", "$map" -> iterate(operator, argument.asDocument());
            default -> arrays(operator, arguments(argument));
        };
    }

    private BsonValue arrays(String operator, List<BsonValue> values) {
        return switch (operator) {
            case "$range" -> range(values);
            case "$size" -> size(values.get(0));
            case "$max", "$min" -> extreme(operator.equals("$max"), values);
            case "$arrayElemAt" -> elementAt(values.get(0), values.get(1));
            case "$in" -> in(values.get(0), values.get(1));
            case "$concatArrays" -> concat(values);
            default -> throw new ExpressionEvaluator.Unsupported(operator);
        };
    }

    /** Evaluates an operator's arguments: an array of them, or one. */
    List<BsonValue> arguments(BsonValue argument) {
        List<BsonValue> values = new ArrayList<>();
        if (argument.isArray()) {
            argument.asArray().forEach(element -> values.add(evaluator.evaluate(element)));
        } else {
            values.add(evaluator.evaluate(argument));
        }
        return values;
    }

    private BsonValue single(BsonValue argument) {
        List<BsonValue> values = arguments(argument);
        if (values.size() != 1) {
            throw new CommandException(16020, "Location16020", "Expression takes exactly 1 arguments. " + values.size() + " were passed in.");
        }
        return values.get(0);
    }

    private BsonValue let(BsonDocument specification) {
        Map<String, BsonValue> bound = new LinkedHashMap<>();
        specification.getDocument("vars").forEach((name, value) -> bound.put(name, evaluator.evaluate(value)));
        return evaluator.with(bound, specification.get("in"));
    }

    private BsonValue cond(BsonValue argument) {
        BsonValue test = argument.isArray() ? argument.asArray().get(0) : argument.asDocument().get("if");
        BsonValue then = argument.isArray() ? argument.asArray().get(1) : argument.asDocument().get("then");
        BsonValue otherwise = argument.isArray() ? argument.asArray().get(2) : argument.asDocument().get("else");
        return evaluator.evaluate(BsonOrder.isTrue(evaluator.evaluate(test)) ? then : otherwise);
    }

    private BsonValue select(BsonDocument specification) {
        for (BsonValue branch : specification.getArray("branches")) {
            if (BsonOrder.isTrue(evaluator.evaluate(branch.asDocument().get("case")))) {
                return evaluator.evaluate(branch.asDocument().get("then"));
            }
        }
        if (!specification.containsKey("default")) {
            throw new CommandException(40066, "Location40066", "$switch could not find a matching branch for an input, and no default was specified.");
        }
        return evaluator.evaluate(specification.get("default"));
    }

    private static BsonValue ifNull(List<BsonValue> values) {
        for (BsonValue value : values.subList(0, values.size() - 1)) {
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return values.get(values.size() - 1);
    }

    private static BsonValue compare(String operator, List<BsonValue> values) {
        int order = BsonOrder.compare(values.get(0), values.get(1));
        boolean result = switch (operator) {
            case "$eq" -> order == 0;
            case "$ne" -> order != 0;
            case "$lt" -> order < 0;
            case "$lte" -> order <= 0;
            case "$gt" -> order > 0;
            default -> order >= 0;
        };
        return BsonBoolean.valueOf(result);
    }

    private static BsonValue logic(String operator, List<BsonValue> values) {
        return switch (operator) {
            case "$not" -> BsonBoolean.valueOf(!BsonOrder.isTrue(values.get(0)));
            case "$and" -> BsonBoolean.valueOf(values.stream().allMatch(BsonOrder::isTrue));
            default -> BsonBoolean.valueOf(values.stream().anyMatch(BsonOrder::isTrue));
        };
    }

    private BsonValue iterate(String operator, BsonDocument specification) {
        BsonValue input = evaluator.evaluate(specification.get("input"));
        if (input == null || input.isNull()) {
            return BsonNull.VALUE;
        }
        if (!input.isArray()) {
            throw new CommandException(operator.equals("$map") ? 16883 : 28651, "Location16883",
                "input to " + operator + " must be an array not " + BsonOrder.typeName(input));
        }
        String name = specification.getString("as", new BsonString("this")).getValue();
        BsonArray result = new BsonArray();
        for (BsonValue element : input.asArray()) {
            Map<String, BsonValue> bound = Map.of(name, element);
            if (operator.equals("$map")) {
                BsonValue value = evaluator.with(bound, specification.get("in"));
                result.add(value == null ? BsonNull.VALUE : value);
            } else if (BsonOrder.isTrue(evaluator.with(bound, specification.get("cond")))) {
                result.add(element);
            }
        }
        return result;
    }

    private static BsonValue range(List<BsonValue> values) {
        int start = values.get(0).asNumber().intValue();
        int end = values.get(1).asNumber().intValue();
        int step = values.size() > 2 ? values.get(2).asNumber().intValue() : 1;
        BsonArray result = new BsonArray();
        for (int i = start; step > 0 ? i < end : i > end; i += step) {
            result.add(new BsonInt32(i));
        }
        return result;
    }

    private static BsonValue size(BsonValue array) {
        if (array == null || !array.isArray()) {
            throw new CommandException(17124, "Location17124", "The argument to $size must be an array. Type of argument is "
                + BsonOrder.typeName(array));
        }
        return new BsonInt32(array.asArray().size());
    }

    private static BsonValue extreme(boolean max, List<BsonValue> values) {
        List<BsonValue> candidates = values.size() == 1 && values.get(0) != null && values.get(0).isArray()
            ? values.get(0).asArray().getValues() : values;
        BsonValue best = null;
        for (BsonValue value : candidates) {
            if (value == null || value.isNull()) {
                continue;
            }
            if (best == null || (max ? BsonOrder.compare(value, best) > 0 : BsonOrder.compare(value, best) < 0)) {
                best = value;
            }
        }
        return best == null ? BsonNull.VALUE : best;
    }

    private static BsonValue elementAt(BsonValue array, BsonValue index) {
        if (array == null || array.isNull() || index == null || index.isNull()) {
            return BsonNull.VALUE;
        }
        List<BsonValue> values = array.asArray().getValues();
        int at = index.asNumber().intValue();
        int position = at < 0 ? values.size() + at : at;
        return position >= 0 && position < values.size() ? values.get(position) : null;
    }

    private static BsonValue in(BsonValue value, BsonValue array) {
        if (array == null || !array.isArray()) {
            throw new CommandException(40081, "Location40081", "$in requires an array as a second argument, found: "
                + BsonOrder.typeName(array));
        }
        return BsonBoolean.valueOf(array.asArray().stream().anyMatch(element -> BsonOrder.compare(value, element) == 0));
    }

    private static BsonValue concat(List<BsonValue> values) {
        BsonArray result = new BsonArray();
        for (BsonValue value : values) {
            if (value == null || value.isNull()) {
                return BsonNull.VALUE;
            }
            result.addAll(value.asArray());
        }
        return result;
    }
}
