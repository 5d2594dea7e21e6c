package io.ddt.testkit.internal.server;

import java.util.Map;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Runs an update pipeline over one document as a 7.0 member does, for the stages an update
 * pipeline may hold ({@code $replaceWith}/{@code $replaceRoot}, {@code $set}/{@code $addFields}
 * of top-level fields, {@code $unset}) with the expressions of {@link ExpressionEvaluator}. The
 * engine's own aggregation misses most of those expressions; it still runs what this does not
 * know (see {@link #apply}).
 */
final class PipelineUpdates {

    private PipelineUpdates() {
    }

    /**
     * Returns the document after the pipeline.
     *
     * @throws ExpressionEvaluator.Unsupported if a stage or expression is one this does not know
     * @throws CommandException for what a member refuses
     */
    static BsonDocument apply(BsonDocument document, Iterable<BsonValue> stages) {
        BsonDocument current = document;
        for (BsonValue stage : stages) {
            current = stage(current, stage.asDocument());
        }
        return current;
    }

    private static BsonDocument stage(BsonDocument document, BsonDocument stage) {
        String name = stage.getFirstKey();
        BsonValue argument = stage.get(name);
        return switch (name) {
            case "$replaceWith" -> root(new ExpressionEvaluator(document).evaluate(argument));
            case "$replaceRoot" -> root(new ExpressionEvaluator(document).evaluate(argument.asDocument().get("newRoot")));
            case "$set", "$addFields" -> addFields(document, argument.asDocument());
            case "$unset" -> unset(document, argument);
            default -> throw new ExpressionEvaluator.Unsupported("stage " + name);
        };
    }

    private static BsonDocument root(BsonValue value) {
        if (value == null || !value.isDocument()) {
            throw new CommandException(40228, "Location40228", "'newRoot' expression must evaluate to an object, but resulting value was: "
                + (value == null ? "MISSING" : value.toString()) + ". Type of resulting value: '" + BsonOrder.typeName(value) + "'.");
        }
        return value.asDocument();
    }

    private static BsonDocument addFields(BsonDocument document, BsonDocument fields) {
        ExpressionEvaluator evaluator = new ExpressionEvaluator(document);
        BsonDocument result = document.clone();
        for (Map.Entry<String, BsonValue> field : fields.entrySet()) {
            BsonValue expression = field.getValue();
            boolean nestedSpecification = expression.isDocument() && !expression.asDocument().isEmpty()
                && !expression.asDocument().getFirstKey().startsWith("$");
            if (field.getKey().contains(".") || nestedSpecification) {
                throw new ExpressionEvaluator.Unsupported("$set of a nested field");
            }
            BsonValue value = evaluator.evaluate(expression);
            if (value == null) {
                result.remove(field.getKey());
            } else {
                result.put(field.getKey(), value);
            }
        }
        return result;
    }

    private static BsonDocument unset(BsonDocument document, BsonValue fields) {
        BsonDocument result = document.clone();
        for (BsonValue field : fields.isArray() ? fields.asArray() : java.util.List.of(fields)) {
            if (field.asString().getValue().contains(".")) {
                throw new ExpressionEvaluator.Unsupported("$unset of a nested field");
            }
            result.remove(field.asString().getValue());
        }
        return result;
    }
}
