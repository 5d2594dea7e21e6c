package io.ddt.testkit.internal.server;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * Evaluates aggregation expressions over driver BSON as a 7.0 member does, for the update
 * pipelines the engine cannot run (it knows neither {@code $let}, {@code $switch},
 * {@code $type} nor {@code $getField}/{@code $setField}, and keeps variables inside the
 * document). A missing value is Java {@code null}, as the server's {@code Value()}.
 *
 * <p>It knows the operators of {@link ExpressionOperators}; anything else is an
 * {@link Unsupported} that makes the caller fall back to the engine. One evaluator serves one
 * pipeline on one thread.
 */
final class ExpressionEvaluator {

    /** An expression this evaluator does not know: the engine gets the pipeline instead. */
    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    private final Map<String, BsonValue> variables = new HashMap<>();
    private final ExpressionOperators operators = new ExpressionOperators(this);

    /** An evaluator whose {@code $$ROOT} and {@code $$CURRENT} are {@code root}. */
    ExpressionEvaluator(BsonDocument root) {
        variables.put("ROOT", root);
        variables.put("CURRENT", root);
    }

    /** Evaluates an expression; returns null for missing. */
    BsonValue evaluate(BsonValue expression) {
        if (expression.isString() && expression.asString().getValue().startsWith("$")) {
            return path(expression.asString().getValue());
        }
        if (expression.isDocument()) {
            BsonDocument document = expression.asDocument();
            if (!document.isEmpty() && document.getFirstKey().startsWith("$")) {
                if (document.size() != 1) {
                    throw new CommandException(15983, "Location15983", "An object representing an expression must have exactly one field");
                }
                return operators.apply(document.getFirstKey(), document.get(document.getFirstKey()));
            }
            return object(document);
        }
        if (expression.isArray()) {
            BsonArray result = new BsonArray();
            for (BsonValue element : expression.asArray()) {
                BsonValue value = evaluate(element);
                result.add(value == null ? BsonNull.VALUE : value);
            }
            return result;
        }
        return expression;
    }

    /**
     * Evaluates {@code in} with variables bound (a null value binds missing), then restores the
     * variables they hid.
     */
    BsonValue with(Map<String, BsonValue> bound, BsonValue in) {
        Map<String, BsonValue> hidden = new HashMap<>();
        Set<String> unbound = new HashSet<>();
        for (String name : bound.keySet()) {
            if (name.isEmpty() || !Character.isLowerCase(name.charAt(0))) {
                throw new CommandException(16867, "Location16867", "'" + name + "' starts with an invalid character for a user variable name");
            }
            if (variables.containsKey(name)) {
                hidden.put(name, variables.get(name));
            } else {
                unbound.add(name);
            }
        }
        variables.putAll(bound);
        try {
            return evaluate(in);
        } finally {
            variables.keySet().removeAll(unbound);
            variables.putAll(hidden);
        }
    }

    private BsonDocument object(BsonDocument specification) {
        BsonDocument result = new BsonDocument();
        for (Map.Entry<String, BsonValue> field : specification.entrySet()) {
            if (field.getKey().contains(".")) {
                throw new Unsupported("dotted name in an expression object");
            }
            BsonValue value = evaluate(field.getValue());
            if (value != null) {
                result.append(field.getKey(), value);
            }
        }
        return result;
    }

    private BsonValue path(String expression) {
        boolean variable = expression.startsWith("$$");
        String[] steps = expression.substring(variable ? 2 : 1).split("\\.", -1);
        BsonValue current;
        int first;
        if (variable) {
            if (steps[0].equals("REMOVE")) {
                return null;
            }
            if (!variables.containsKey(steps[0])) {
                throw new CommandException(17276, "Location17276", "Use of undefined variable: " + steps[0]);
            }
            current = variables.get(steps[0]);
            first = 1;
        } else {
            current = variables.get("CURRENT");
            first = 0;
        }
        for (int i = first; i < steps.length && current != null; i++) {
            if (current.isArray()) {
                throw new Unsupported("a field path through an array");
            }
            current = current.isDocument() ? current.asDocument().get(steps[i]) : null;
        }
        return current;
    }
}
