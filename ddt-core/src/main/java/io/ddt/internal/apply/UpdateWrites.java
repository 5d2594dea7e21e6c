package io.ddt.internal.apply;

import java.util.Set;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;

import io.ddt.event.Update;
import io.ddt.event.UpdateSpec;

/**
 * Turns an {@link Update} into the update of its document on the target: an operator update
 * where one is exact ({@link OperatorUpdates}), else a pipeline ({@link PipelineCompiler}).
 * Never an upsert: an update applied where the document is missing (a later event deleted it)
 * must not create a partial document. Stateless.
 */
final class UpdateWrites {

    private static final Set<String> PATH_OPERATORS = Set.of("$set", "$unset");
    private static final PipelineCompiler AS_DIFF = new PipelineCompiler(false);
    private static final PipelineCompiler AS_SET = new PipelineCompiler(true);

    private UpdateWrites() {
    }

    /**
     * Returns the write.
     *
     * @throws IllegalArgumentException if the update is malformed, or is a binary diff
     */
    static WriteModel<BsonDocument> of(Update update, BsonDocument filter) {
        UpdateSpec spec = update.spec();
        if (spec instanceof UpdateSpec.Modifiers modifiers) {
            BsonDocument operators = modifiers.update();
            return needsPipeline(operators) ? pipeline(filter, PathReader.modifiers(operators), AS_SET)
                : new UpdateOneModel<>(filter, operators);
        }
        boolean isDiff = spec instanceof UpdateSpec.Diff;
        Edit.Document edit = isDiff ? DiffEdits.read(((UpdateSpec.Diff) spec).diff())
            : PathReader.description((UpdateSpec.Description) spec);
        BsonDocument operators = OperatorUpdates.of(edit, isDiff);
        return operators != null ? new UpdateOneModel<>(filter, operators) : pipeline(filter, edit, AS_DIFF);
    }

    private static WriteModel<BsonDocument> pipeline(BsonDocument filter, Edit.Document edit, PipelineCompiler compiler) {
        return new UpdateOneModel<>(filter, compiler.pipeline(edit));
    }

    /**
     * A {@code $set} or {@code $unset} of a path through a {@code $}-prefixed name, or a
     * {@code $set} of a value holding such a name (or a dotted one): MongoDB 5.0 and later
     * refuse {@code $}-prefixed names in an operator update of an existing document (a 4.4
     * source wrote them while applying its own oplog), and a pipeline writes any name as given.
     */
    private static boolean needsPipeline(BsonDocument operators) {
        if (!PATH_OPERATORS.containsAll(operators.keySet()) || !operators.values().stream().allMatch(BsonValue::isDocument)) {
            return false;
        }
        boolean dollarPaths = operators.values().stream().flatMap(paths -> paths.asDocument().keySet().stream())
            .anyMatch(path -> path.startsWith("$") || path.contains(".$"));
        BsonDocument set = operators.getDocument("$set", new BsonDocument());
        return dollarPaths || !set.values().stream().allMatch(OperatorUpdates::isPlainValue);
    }
}
