package io.ddt.spi;

import java.util.Objects;

import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonValue;

/**
 * The copy state of one {@code _id} range of a collection: its bounds, how far the copy got
 * (the last {@code _id} written, in ascending {@code _id} order) and whether it is done.
 *
 * <p>A range holds the {@code _id}s {@code x} with {@code lower <= x < upper} within one BSON
 * type bracket ({@link #bracket()}), so that ranges never straddle types and every document
 * belongs to exactly one range. The first range of a bracket has lower bound {@link BsonMinKey}
 * and the last has upper bound {@link BsonMaxKey}: open ends within the bracket.
 *
 * <p>Immutable and thread-safe.
 *
 * @param index the range's number within its collection, from 0
 * @param bracket the BSON type bracket of the range's {@code _id}s, such as {@code "number"}, or
 *     {@code "all"} for a collection copied as one range without a type filter
 * @param lower the inclusive lower bound, or MinKey for the start of the bracket
 * @param upper the exclusive upper bound, or MaxKey for the end of the bracket
 * @param lastId the last {@code _id} written, or null before the first batch
 * @param documents documents written so far
 * @param done true once every document of the range is on the target
 */
public record RangeState(int index, String bracket, BsonValue lower, BsonValue upper, BsonValue lastId,
                         long documents, boolean done) {

    /** Checks the arguments. */
    public RangeState {
        Objects.requireNonNull(bracket, "bracket");
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
        if (index < 0 || documents < 0) {
            throw new IllegalArgumentException("index and documents must not be negative");
        }
    }

    /**
     * A new range with nothing copied yet.
     *
     * @param index the range's number within its collection
     * @param bracket the BSON type bracket
     * @param lower the inclusive lower bound (MinKey for open)
     * @param upper the exclusive upper bound (MaxKey for open)
     * @return the range
     */
    public static RangeState of(int index, String bracket, BsonValue lower, BsonValue upper) {
        return new RangeState(index, bracket, lower, upper, null, 0, false);
    }

    /**
     * Returns this range after a batch whose last {@code _id} was {@code id} was written.
     *
     * @param id the last {@code _id} of the batch
     * @param count the documents in the batch
     * @return the advanced range
     */
    public RangeState advancedTo(BsonValue id, long count) {
        return new RangeState(index, bracket, lower, upper, Objects.requireNonNull(id, "id"), documents + count, false);
    }

    /**
     * Returns this range marked done.
     *
     * @return the finished range
     */
    public RangeState finished() {
        return new RangeState(index, bracket, lower, upper, lastId, documents, true);
    }

    /**
     * Writes the range as a BSON document, for checkpoints.
     *
     * @return the document
     */
    public BsonDocument toBson() {
        BsonDocument document = new BsonDocument("index", new BsonInt32(index))
            .append("bracket", new org.bson.BsonString(bracket))
            .append("lower", lower).append("upper", upper);
        if (lastId != null) {
            document.append("lastId", lastId);
        }
        return document.append("documents", new BsonInt64(documents)).append("done", BsonBoolean.valueOf(done));
    }

    /**
     * Reads a range written by {@link #toBson()}.
     *
     * @param document the document
     * @return the range
     * @throws IllegalArgumentException if a field is missing or of the wrong type
     */
    public static RangeState fromBson(BsonDocument document) {
        try {
            return new RangeState(document.getInt32("index").getValue(), document.getString("bracket").getValue(),
                document.get("lower", new BsonMinKey()), document.get("upper", new BsonMaxKey()),
                document.get("lastId"), document.getNumber("documents").longValue(), document.getBoolean("done").getValue());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a range state: " + e.getMessage(), e);
        }
    }

    /**
     * Describes the range for logs and messages: its number, bracket and the types of its
     * bounds, never the {@code _id} values themselves.
     */
    @Override
    public String toString() {
        return "range " + index + " [" + bracket + " " + describe(lower) + ", " + describe(upper) + ")"
            + (done ? " done" : lastId == null ? " not started" : " at " + describe(lastId)) + ", " + documents + " docs";
    }

    /** Names a bound by its type only: a range's bounds are {@code _id} values, which are data. */
    private static String describe(BsonValue value) {
        if (value.getBsonType() == org.bson.BsonType.MIN_KEY) {
            return "min";
        }
        if (value.getBsonType() == org.bson.BsonType.MAX_KEY) {
            return "max";
        }
        return value.getBsonType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
