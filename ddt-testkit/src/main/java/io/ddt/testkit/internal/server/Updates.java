package io.ddt.testkit.internal.server;

import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;

import io.ddt.internal.diff.OperatorOrder;

/**
 * Computes what an update statement makes of one document without touching the stored copy:
 * the engine applies it to a scratch copy, so operator semantics (positional {@code $},
 * {@code arrayFilters}, every modifier) are the engine's, while the member decides what is
 * stored and logged. Aggregation-pipeline updates run in {@link PipelineUpdates}, or, where it
 * does not know an expression, as an aggregation over that copy, which the engine's own update
 * path cannot do.
 */
final class Updates {

    static final String SCRATCH_DATABASE = "__ddt_scratch";
    private static final String SCRATCH = "c";

    private Updates() {
    }

    static boolean isOperatorUpdate(BsonDocument update) {
        return !update.isEmpty() && update.getFirstKey().startsWith("$");
    }

    /** The document after applying statement {@code u} (with its {@code q} and arrayFilters). */
    static BsonDocument compute(FakeMember member, String namespace, BsonDocument before, BsonDocument statement) {
        BsonValue update = statement.get("u");
        if (update.isArray()) {
            return pipeline(member, before, update.asArray());
        }
        if (!isOperatorUpdate(update.asDocument())) {
            return replacement(before.get("_id"), update.asDocument());
        }
        MjsEngine engine = member.engine();
        clearScratch(engine);
        DottedNames dotted = new DottedNames();
        engine.run(SCRATCH_DATABASE, new BsonDocument("insert", new BsonString(SCRATCH))
            .append("documents", new BsonArray(List.of(dotted.hide(before)))));
        BsonDocument scratchStatement = new BsonDocument("q", withId(statement.getDocument("q", new BsonDocument()), before.get("_id")))
            .append("u", inServerOrder(update.asDocument()));
        if (statement.containsKey("arrayFilters")) {
            scratchStatement.append("arrayFilters", statement.get("arrayFilters"));
        }
        runUpdate(engine, scratchStatement);
        BsonDocument after = engine.findById(SCRATCH_DATABASE + "." + SCRATCH, before.get("_id"));
        clearScratch(engine);
        if (after == null) {
            return before;
        }
        after = dotted.restore(after);
        SetTypes.restore(after, update.asDocument());
        return after;
    }

    /** The document an upsert inserts when nothing matched. */
    static BsonDocument upsertDocument(FakeMember member, String namespace, BsonDocument query, BsonDocument statement) {
        BsonValue update = statement.get("u");
        MjsEngine engine = member.engine();
        if (update.isDocument() && !isOperatorUpdate(update.asDocument())) {
            BsonValue id = query.containsKey("_id") && !isOperatorExpression(query.get("_id")) ? query.get("_id") : new BsonObjectId();
            return replacement(update.asDocument().containsKey("_id") ? update.asDocument().get("_id") : id, update.asDocument());
        }
        if (update.isArray()) {
            BsonDocument seed = equalityFields(query);
            return DocumentWrites.withIdFirst(pipeline(member, DocumentWrites.withIdFirst(seed), update.asArray()));
        }
        clearScratch(engine);
        BsonDocument scratchStatement = new BsonDocument("q", query).append("u", inServerOrder(update.asDocument()))
            .append("upsert", BsonBoolean.TRUE);
        if (statement.containsKey("arrayFilters")) {
            scratchStatement.append("arrayFilters", statement.get("arrayFilters"));
        }
        runUpdate(engine, scratchStatement);
        List<BsonDocument> all = engine.findAll(SCRATCH_DATABASE, new BsonDocument("find", new BsonString(SCRATCH)));
        clearScratch(engine);
        if (all.isEmpty()) {
            throw new CommandException(1, "InternalError", "upsert produced no document");
        }
        return all.get(0);
    }

    /**
     * The update with each operator's paths in the order a 5.0 member applies them, which is the
     * order in which the fields it creates appear; the engine applies them as given.
     */
    private static BsonDocument inServerOrder(BsonDocument update) {
        BsonDocument ordered = new BsonDocument();
        for (var operator : update.entrySet()) {
            BsonValue paths = operator.getValue();
            if (!paths.isDocument()) {
                ordered.append(operator.getKey(), paths);
                continue;
            }
            BsonDocument sorted = new BsonDocument();
            paths.asDocument().keySet().stream().sorted(OperatorOrder.PATHS)
                .forEach(path -> sorted.append(path, paths.asDocument().get(path)));
            ordered.append(operator.getKey(), sorted);
        }
        return ordered;
    }

    private static void runUpdate(MjsEngine engine, BsonDocument statement) {
        BsonDocument reply = engine.run(SCRATCH_DATABASE, new BsonDocument("update", new BsonString(SCRATCH))
            .append("updates", new BsonArray(List.of(statement))));
        if (reply.containsKey("writeErrors")) {
            BsonDocument error = reply.getArray("writeErrors").get(0).asDocument();
            int code = error.getNumber("code", new BsonInt32(1)).intValue();
            throw new CommandException(code, error.getString("codeName", new BsonString("Location" + code)).getValue(),
                error.getString("errmsg", new BsonString("")).getValue());
        }
    }

    private static BsonDocument pipeline(FakeMember member, BsonDocument before, BsonArray stages) {
        BsonDocument after;
        try {
            after = PipelineUpdates.apply(before, stages);
        } catch (ExpressionEvaluator.Unsupported e) {
            after = enginePipeline(member, before, stages);
        }
        if (!after.containsKey("_id")) {
            throw new CommandException(66, "ImmutableField", "update pipeline removed the immutable field '_id'");
        }
        return after;
    }

    /** Runs a pipeline the engine's way: an aggregation over a scratch copy of the document. */
    private static BsonDocument enginePipeline(FakeMember member, BsonDocument before, BsonArray stages) {
        MjsEngine engine = member.engine();
        clearScratch(engine);
        engine.run(SCRATCH_DATABASE, new BsonDocument("insert", new BsonString(SCRATCH))
            .append("documents", new BsonArray(List.of(before))));
        BsonArray pipeline = Pipelines.normalize(stages);
        BsonDocument reply = engine.run(SCRATCH_DATABASE, new BsonDocument("aggregate", new BsonString(SCRATCH))
            .append("pipeline", pipeline).append("cursor", new BsonDocument()));
        clearScratch(engine);
        BsonArray batch = reply.getDocument("cursor").getArray("firstBatch");
        if (batch.size() != 1) {
            throw new CommandException(2, "BadValue", "update pipeline must produce exactly one document");
        }
        return batch.get(0).asDocument();
    }

    private static BsonDocument replacement(BsonValue id, BsonDocument replacement) {
        if (replacement.containsKey("_id") && !replacement.get("_id").equals(id)) {
            throw new CommandException(66, "ImmutableField",
                "After applying the update, the (immutable) field '_id' was found to have been altered");
        }
        BsonDocument result = new BsonDocument("_id", id);
        for (var entry : replacement.entrySet()) {
            if (!entry.getKey().equals("_id")) {
                result.append(entry.getKey(), entry.getValue());
            }
        }
        return result;
    }

    private static BsonDocument withId(BsonDocument query, BsonValue id) {
        if (!query.containsKey("_id")) {
            BsonDocument result = query.clone();
            result.append("_id", id);
            return result;
        }
        return new BsonDocument("$and", new BsonArray(List.of(query, new BsonDocument("_id", id))));
    }

    private static boolean isOperatorExpression(BsonValue value) {
        return value.isDocument() && !value.asDocument().isEmpty() && value.asDocument().getFirstKey().startsWith("$");
    }

    private static BsonDocument equalityFields(BsonDocument query) {
        BsonDocument seed = new BsonDocument();
        for (var entry : query.entrySet()) {
            if (!entry.getKey().startsWith("$") && !entry.getKey().contains(".") && !isOperatorExpression(entry.getValue())) {
                seed.append(entry.getKey(), entry.getValue());
            }
        }
        return seed;
    }

    private static void clearScratch(MjsEngine engine) {
        engine.run(SCRATCH_DATABASE, new BsonDocument("delete", new BsonString(SCRATCH))
            .append("deletes", new BsonArray(List.of(new BsonDocument("q", new BsonDocument()).append("limit", new BsonInt32(0))))));
    }
}
