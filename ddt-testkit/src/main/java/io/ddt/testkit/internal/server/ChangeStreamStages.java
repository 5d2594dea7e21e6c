package io.ddt.testkit.internal.server;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;

/**
 * The stages a change stream pipeline may have after {@code $changeStream} that the fake
 * applies to each event: {@code $match} (any query), and top-level {@code $project} or
 * {@code $unset}. Others are refused when the stream opens, not silently ignored.
 */
final class ChangeStreamStages {

    private final List<BsonDocument> stages = new ArrayList<>();

    ChangeStreamStages(BsonArray pipeline) {
        for (int i = 1; i < pipeline.size(); i++) {
            BsonDocument stage = pipeline.get(i).asDocument();
            String name = stage.getFirstKey();
            if (!List.of("$match", "$project", "$unset", "$set", "$addFields").contains(name)) {
                throw CommandException.notImplemented("the fake cluster's change streams support $match, $project,"
                    + " $unset, $set and $addFields after $changeStream, not " + name);
            }
            stages.add(stage);
        }
    }

    /** Returns the event after the stages, or null when a {@code $match} drops it. */
    BsonDocument apply(BsonDocument event) {
        BsonDocument current = event;
        for (BsonDocument stage : stages) {
            String name = stage.getFirstKey();
            BsonValue argument = stage.get(name);
            switch (name) {
                case "$match":
                    if (!new DefaultQueryMatcher().matches(BsonBridge.toMjs(current), BsonBridge.toMjs(argument.asDocument()))) {
                        return null;
                    }
                    break;
                case "$project":
                    current = Projections.apply(current, argument.asDocument());
                    break;
                case "$unset":
                    current = current.clone();
                    for (BsonValue field : argument.isArray() ? argument.asArray() : new BsonArray(List.of(argument))) {
                        current.remove(field.asString().getValue());
                    }
                    break;
                default:
                    current = current.clone();
                    current.putAll(argument.asDocument());
                    break;
            }
        }
        return current;
    }
}
