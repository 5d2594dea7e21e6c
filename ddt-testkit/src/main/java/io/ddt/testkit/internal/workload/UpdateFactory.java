package io.ddt.testkit.internal.workload;

import io.ddt.testkit.WorkloadOperation;
import java.util.List;
import java.util.Random;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Makes the update documents (and the one pipeline) of the update kinds, from the workload's
 * random source.
 *
 * <p>Updates touch only fields whose type they can rely on: array operators act on the arrays
 * every document keeps ({@code tags}, {@code nums}, {@code items}), {@code $unset} and
 * {@code $rename} only on optional fields, so that no random sequence makes a later update fail.
 * Not thread-safe.
 */
final class UpdateFactory {

    private static final String[] UNSETTABLE = {"flag", "nothing", "label", "alias", "nested.inner", "status"};
    private static final double[] FACTORS = {0.5, 2.0, -1.0, 1.25, 0.8};

    private final Random random;
    private final DocumentFactory documents;

    UpdateFactory(Random random, DocumentFactory documents) {
        this.random = random;
        this.documents = documents;
    }

    /** Returns the update document of an update kind that takes one. */
    BsonDocument update(WorkloadOperation kind) {
        return switch (kind) {
            case UPDATE_SET -> op("$set", new BsonDocument("status", new BsonString(documents.word()))
                .append("label", documents.anyValue()));
            case UPDATE_SET_NESTED -> op("$set", new BsonDocument("meta.ver", new BsonInt32(random.nextInt(100)))
                .append("nested.inner.deep.value", documents.number())
                .append("meta.sub.note", new BsonString(documents.word())));
            case UPDATE_UNSET -> unset();
            case UPDATE_INC -> inc();
            case UPDATE_PUSH -> op("$push", new BsonDocument("nums", new BsonInt32(random.nextInt(100))));
            case UPDATE_PUSH_EACH_SLICE -> pushEachSlice();
            case UPDATE_PULL -> pull();
            case UPDATE_POP -> op("$pop", new BsonDocument("nums", new BsonInt32(random.nextBoolean() ? 1 : -1)));
            case UPDATE_ADD_TO_SET -> addToSet();
            case UPDATE_RENAME -> op("$rename", random.nextBoolean()
                ? new BsonDocument("label", new BsonString("alias"))
                : new BsonDocument("alias", new BsonString("label")));
            case UPDATE_MUL -> op("$mul", new BsonDocument("ratio", new BsonDouble(FACTORS[random.nextInt(FACTORS.length)]))
                .append("big", new BsonInt64(random.nextBoolean() ? 1 : -1)));
            case UPDATE_MIN_MAX -> op("$min", new BsonDocument("low", documents.number()))
                .append("$max", new BsonDocument("high", documents.number()));
            case UPDATE_CURRENT_DATE -> op("$currentDate", new BsonDocument("touchedAt", BsonBoolean.TRUE)
                .append("touchedTs", new BsonDocument("$type", new BsonString("timestamp"))));
            case UPDATE_ARRAY_ELEMENT -> op("$set", new BsonDocument("nums." + random.nextInt(3), documents.number()));
            case UPDATE_GROW_ARRAY -> op("$set", new BsonDocument("nums." + (12 + random.nextInt(8)), documents.number()));
            case UPDATE_MANY, FIND_ONE_AND_UPDATE -> op("$inc", new BsonDocument("counter", new BsonInt32(1)))
                .append("$set", new BsonDocument("status", new BsonString(documents.word())));
            default -> throw new IllegalArgumentException(kind + " takes no update document");
        };
    }

    /** Returns an upsert's update: a {@code $set} plus the core fields on insert, so later updates find them. */
    BsonDocument upsert() {
        return op("$set", new BsonDocument("status", new BsonString("upserted")).append("label", documents.anyValue()))
            .append("$setOnInsert", documents.coreFields());
    }

    /** Returns an aggregation pipeline that appends to {@code nums}, keeps its last eight, and stores its length. */
    List<BsonDocument> pipeline() {
        BsonArray appended = new BsonArray(List.of(
            new BsonDocument("$ifNull", new BsonArray(List.of(new BsonString("$nums"), new BsonArray()))),
            new BsonArray(List.of(new BsonInt32(random.nextInt(100))))));
        BsonDocument sliced = new BsonDocument("$slice", new BsonArray(List.of(
            new BsonDocument("$concatArrays", appended), new BsonInt32(-8))));
        return List.of(
            op("$set", new BsonDocument("nums", sliced)),
            op("$set", new BsonDocument("numsCount", new BsonDocument("$size", new BsonString("$nums")))));
    }

    private BsonDocument unset() {
        BsonDocument fields = new BsonDocument(UNSETTABLE[random.nextInt(UNSETTABLE.length)], new BsonString(""));
        if (random.nextBoolean()) {
            fields.put(UNSETTABLE[random.nextInt(UNSETTABLE.length)], new BsonString(""));
        }
        return op("$unset", fields);
    }

    private BsonDocument inc() {
        return op("$inc", new BsonDocument("counter", new BsonInt32(random.nextInt(21) - 10))
            .append("big", new BsonInt64(random.nextInt(1000)))
            .append("ratio", new BsonDouble(random.nextInt(100) / 4.0)));
    }

    private BsonDocument pushEachSlice() {
        BsonArray each = new BsonArray(List.of(documents.item(), documents.item()));
        return op("$push", new BsonDocument("items", new BsonDocument("$each", each)
            .append("$slice", new BsonInt32(-5))));
    }

    private BsonDocument pull() {
        if (random.nextBoolean()) {
            return op("$pull", new BsonDocument("tags", new BsonString(documents.word())));
        }
        BsonDocument condition = new BsonDocument("qty", new BsonDocument("$lt", new BsonInt32(random.nextInt(5))));
        return op("$pull", new BsonDocument("items", condition));
    }

    private BsonDocument addToSet() {
        if (random.nextBoolean()) {
            return op("$addToSet", new BsonDocument("tags", new BsonString(documents.word())));
        }
        BsonArray each = new BsonArray(List.of(new BsonString(documents.word()), new BsonString(documents.word())));
        return op("$addToSet", new BsonDocument("tags", new BsonDocument("$each", each)));
    }

    private static BsonDocument op(String operator, BsonValue fields) {
        return new BsonDocument(operator, fields);
    }
}
