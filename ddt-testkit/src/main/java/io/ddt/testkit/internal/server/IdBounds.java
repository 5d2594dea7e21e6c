package io.ddt.testkit.internal.server;

import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;

import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * The stretch of the {@code _id} index that can hold a filter's matches: a lower and an upper
 * bound in MongoDB's order, tightened by each condition that every match meets. A comparison
 * keeps to its operand's type bracket, so {@code {$gte: 5}} ends where numbers end; MinKey and
 * MaxKey operands cross brackets. The bounds may take in more than the filter matches, never
 * less: the filter's own test still decides each {@code _id}.
 *
 * <p>Not thread-safe; built once while a filter compiles.
 */
final class IdBounds {

    private static final int NULL_RANK = IdMatch.rankOf(BsonType.NULL);

    private BsonValue lower;
    private boolean lowerInclusive;
    private BsonValue upper;
    private boolean upperInclusive;
    private boolean empty;

    /** Matches equal the operand (null also matches undefined, as on the server). */
    void equalTo(BsonValue operand) {
        if (operand.isNull()) {
            ofRank(IdMatch.rankOf(BsonType.UNDEFINED), NULL_RANK);
            return;
        }
        atLeast(operand, true);
        atMost(operand, true);
    }

    /** Matches compare with the operand by {@code $gt}, {@code $gte}, {@code $lt} or {@code $lte}. */
    void compared(IdMatch.Op op, BsonValue operand) {
        boolean inclusive = op == IdMatch.Op.GTE || op == IdMatch.Op.LTE;
        if (operand.isNull() || IdMatch.isNaN(operand)) {
            // Only null (with undefined) and NaN are equal to these, and nothing is above or below them.
            if (inclusive) {
                equalTo(operand);
            } else {
                empty = true;
            }
            return;
        }
        if (op == IdMatch.Op.GT || op == IdMatch.Op.GTE) {
            atLeast(operand, inclusive);
        } else {
            atMost(operand, inclusive);
        }
        BsonType type = operand.getBsonType();
        if (type != BsonType.MIN_KEY && type != BsonType.MAX_KEY) {
            int rank = IdMatch.rankOf(type);
            ofRank(rank, rank);
        }
    }

    void oneOf(List<BsonValue> values) {
        if (values.isEmpty()) {
            empty = true;
            return;
        }
        BsonValue min = Collections.min(values, IdMatch.ORDER);
        BsonValue max = Collections.max(values, IdMatch.ORDER);
        if (min.isNull()) {
            ofRank(IdMatch.rankOf(BsonType.UNDEFINED), IdMatch.rankOf(max.getBsonType()));
        } else {
            atLeast(min, true);
        }
        atMost(max, true);
    }

    void ofTypes(Set<BsonType> types) {
        int low = Integer.MAX_VALUE;
        int high = Integer.MIN_VALUE;
        for (BsonType type : types) {
            low = Math.min(low, IdMatch.rankOf(type));
            high = Math.max(high, IdMatch.rankOf(type));
        }
        ofRank(low, high);
    }

    /** Keeps to the canonical ranks from {@code low} to {@code high}. */
    private void ofRank(int low, int high) {
        atLeast(IdMatch.rankStart(low), true);
        BsonValue end = IdMatch.rankEnd(high);
        if (end != null) {
            atMost(end, false);
        }
    }

    private void atLeast(BsonValue value, boolean inclusive) {
        int c = lower == null ? 1 : IdMatch.ORDER.compare(value, lower);
        if (c > 0) {
            lower = value;
            lowerInclusive = inclusive;
        } else if (c == 0) {
            lowerInclusive &= inclusive;
        }
    }

    private void atMost(BsonValue value, boolean inclusive) {
        int c = upper == null ? -1 : IdMatch.ORDER.compare(value, upper);
        if (c < 0) {
            upper = value;
            upperInclusive = inclusive;
        } else if (c == 0) {
            upperInclusive &= inclusive;
        }
    }

    /** The bounded part of an index, ascending; empty when the bounds exclude everything. */
    <V> NavigableMap<BsonValue, V> apply(NavigableMap<BsonValue, V> index) {
        if (empty || lower != null && upper != null && crossed()) {
            return Collections.emptyNavigableMap();
        }
        NavigableMap<BsonValue, V> range = index;
        if (lower != null) {
            range = range.tailMap(lower, lowerInclusive);
        }
        if (upper != null) {
            range = range.headMap(upper, upperInclusive);
        }
        return range;
    }

    private boolean crossed() {
        int c = IdMatch.ORDER.compare(lower, upper);
        return c > 0 || c == 0 && !(lowerInclusive && upperInclusive);
    }
}
