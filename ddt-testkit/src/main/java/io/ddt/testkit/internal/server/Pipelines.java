package io.ddt.testkit.internal.server;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/**
 * Rewrites the stage aliases MongoDB 4.2 added ({@code $set}, {@code $unset},
 * {@code $replaceWith}) into the stages they stand for, which the engine knows.
 */
final class Pipelines {

    private Pipelines() {
    }

    static BsonArray normalize(BsonArray pipeline) {
        BsonArray result = new BsonArray();
        for (BsonValue value : pipeline) {
            result.add(normalize(value.asDocument()));
        }
        return result;
    }

    private static BsonDocument normalize(BsonDocument stage) {
        String name = stage.getFirstKey();
        BsonValue argument = stage.get(name);
        switch (name) {
            case "$set":
                return new BsonDocument("$addFields", argument);
            case "$replaceWith":
                return new BsonDocument("$replaceRoot", new BsonDocument("newRoot", argument));
            case "$unset": {
                BsonDocument projection = new BsonDocument();
                for (BsonValue field : argument.isArray() ? argument.asArray() : new BsonArray(java.util.List.of(argument))) {
                    projection.append(field.asString().getValue(), new BsonInt32(0));
                }
                return new BsonDocument("$project", projection);
            }
            default:
                return stage;
        }
    }
}
