package io.ddt.testkit;

/**
 * The kinds of write a {@link Workload} issues, each one a real driver call on a
 * {@code MongoCollection<BsonDocument>}.
 *
 * <p>Kinds that need an existing document ({@link #needsTarget()}) pick its {@code _id} among the
 * ids the workload itself inserted and has not deleted. When a namespace has no such id yet, the
 * workload issues an {@link #INSERT_ONE} instead, and records it as one.
 */
public enum WorkloadOperation {

    /** {@code insertOne} of a new document; now and then of an existing {@code _id}, to provoke a duplicate-key error. */
    INSERT_ONE(false, 12),
    /** {@code insertMany} of two to five new documents, ordered. */
    INSERT_MANY(false, 4),
    /** {@code updateOne} with {@code $set} of top-level fields, changing a field's BSON type at random. */
    UPDATE_SET(true, 4),
    /** {@code updateOne} with {@code $set} on dotted paths into nested sub-documents. */
    UPDATE_SET_NESTED(true, 3),
    /** {@code updateOne} with {@code $unset} of one or two optional fields. */
    UPDATE_UNSET(true, 2),
    /** {@code updateOne} with {@code $inc} of an int32, an int64 and a double field. */
    UPDATE_INC(true, 3),
    /** {@code updateOne} with {@code $push} of one value onto an array of scalars. */
    UPDATE_PUSH(true, 2),
    /** {@code updateOne} with {@code $push} using {@code $each} and {@code $slice} on an array of documents. */
    UPDATE_PUSH_EACH_SLICE(true, 2),
    /** {@code updateOne} with {@code $pull} of a scalar or of documents matching a condition. */
    UPDATE_PULL(true, 2),
    /** {@code updateOne} with {@code $pop} of the first or last element. */
    UPDATE_POP(true, 2),
    /** {@code updateOne} with {@code $addToSet}, with or without {@code $each}. */
    UPDATE_ADD_TO_SET(true, 2),
    /** {@code updateOne} with {@code $rename} of a top-level field. */
    UPDATE_RENAME(true, 1),
    /** {@code updateOne} with {@code $mul} on an int64 and a double field. */
    UPDATE_MUL(true, 2),
    /** {@code updateOne} with {@code $min} and {@code $max}. */
    UPDATE_MIN_MAX(true, 2),
    /**
     * {@code updateOne} with {@code $currentDate}: the only kind whose result depends on the
     * server's clock (fields {@code touchedAt} and {@code touchedTs}).
     */
    UPDATE_CURRENT_DATE(true, 1),
    /** {@code updateOne} with {@code $set} of an array element by index ({@code nums.1}). */
    UPDATE_ARRAY_ELEMENT(true, 2),
    /** {@code updateOne} with {@code $set} of an index past the array's end, which pads it with nulls. */
    UPDATE_GROW_ARRAY(true, 1),
    /** {@code updateOne} with an aggregation pipeline: {@code $set} with {@code $concatArrays}, {@code $slice}, {@code $size}. */
    UPDATE_PIPELINE(true, 2),
    /** {@code updateMany} on two to four known ids. */
    UPDATE_MANY(true, 2),
    /** {@code replaceOne} with a new document under the same {@code _id}. */
    REPLACE_ONE(true, 3),
    /** {@code deleteOne} by {@code _id}. */
    DELETE_ONE(true, 3),
    /** {@code deleteMany} on two to four known ids. */
    DELETE_MANY(true, 1),
    /** {@code findOneAndUpdate} by {@code _id}, returning the document after the update. */
    FIND_ONE_AND_UPDATE(true, 2),
    /** {@code findOneAndReplace} by {@code _id}. */
    FIND_ONE_AND_REPLACE(true, 2),
    /** {@code findOneAndDelete} by {@code _id}. */
    FIND_ONE_AND_DELETE(true, 2),
    /** {@code updateOne} with {@code upsert: true} on a new {@code _id}, so the server inserts. */
    UPSERT_UPDATE(false, 2),
    /** {@code replaceOne} with {@code upsert: true} on a new {@code _id}, so the server inserts. */
    UPSERT_REPLACE(false, 2);

    private final boolean needsTarget;
    private final int defaultWeight;

    WorkloadOperation(boolean needsTarget, int defaultWeight) {
        this.needsTarget = needsTarget;
        this.defaultWeight = defaultWeight;
    }

    /**
     * Tells whether this kind acts on documents that already exist.
     *
     * @return true if the operation targets known {@code _id}s
     */
    public boolean needsTarget() {
        return needsTarget;
    }

    /**
     * Returns this kind's weight when the builder is not told otherwise. Inserts weigh more than
     * deletes, so collections grow slowly over a run.
     *
     * @return the default relative weight, at least 1
     */
    public int defaultWeight() {
        return defaultWeight;
    }
}
