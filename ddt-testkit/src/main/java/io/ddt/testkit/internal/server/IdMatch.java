package io.ddt.testkit.internal.server;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDbPointer;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonJavaScript;
import org.bson.BsonJavaScriptWithScope;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonType;
import org.bson.BsonUndefined;
import org.bson.BsonValue;
import org.bson.types.ObjectId;

import io.ddt.testkit.internal.bson.BsonOrder;

/**
 * How the server's match expressions treat one scalar value, here an {@code _id}: comparisons
 * hold only within a canonical type bracket (MinKey and MaxKey operands excepted, null equal to
 * undefined), NaN equals NaN and is neither less nor greater than anything
 * ({@code ComparisonMatchExpressionBase::compare}); {@code $type} by name or number. Also the
 * smallest value of each bracket, which bounds a walk of the {@code _id} index.
 *
 * <p>Stateless; safe from any thread.
 */
final class IdMatch {

    /** A comparison operator of the query language. */
    enum Op { EQ, LT, LTE, GT, GTE }

    static final BsonOrder ORDER = new BsonOrder();

    /** Every canonical rank in sort order, each with its smallest value. */
    private static final List<BsonValue> RANK_STARTS = List.of(new BsonMinKey(), new BsonUndefined(), BsonNull.VALUE,
        new BsonDouble(Double.NaN), new BsonString(""), new BsonDocument(), new BsonArray(), new BsonBinary(new byte[0]),
        new BsonObjectId(new ObjectId(new byte[12])), BsonBoolean.FALSE, new BsonDateTime(Long.MIN_VALUE),
        new BsonTimestamp(0L), new BsonRegularExpression(""), new BsonDbPointer("", new ObjectId(new byte[12])),
        new BsonJavaScript(""), new BsonJavaScriptWithScope("", new BsonDocument()), new BsonMaxKey());

    private static final Map<String, BsonType> TYPE_NAMES = Map.ofEntries(Map.entry("double", BsonType.DOUBLE),
        Map.entry("string", BsonType.STRING), Map.entry("object", BsonType.DOCUMENT), Map.entry("array", BsonType.ARRAY),
        Map.entry("binData", BsonType.BINARY), Map.entry("undefined", BsonType.UNDEFINED),
        Map.entry("objectId", BsonType.OBJECT_ID), Map.entry("bool", BsonType.BOOLEAN), Map.entry("date", BsonType.DATE_TIME),
        Map.entry("null", BsonType.NULL), Map.entry("regex", BsonType.REGULAR_EXPRESSION),
        Map.entry("dbPointer", BsonType.DB_POINTER), Map.entry("javascript", BsonType.JAVASCRIPT),
        Map.entry("symbol", BsonType.SYMBOL), Map.entry("javascriptWithScope", BsonType.JAVASCRIPT_WITH_SCOPE),
        Map.entry("int", BsonType.INT32), Map.entry("timestamp", BsonType.TIMESTAMP), Map.entry("long", BsonType.INT64),
        Map.entry("decimal", BsonType.DECIMAL128), Map.entry("minKey", BsonType.MIN_KEY), Map.entry("maxKey", BsonType.MAX_KEY));

    private static final Set<BsonType> NUMBERS = Set.of(BsonType.DOUBLE, BsonType.INT32, BsonType.INT64, BsonType.DECIMAL128);

    private IdMatch() {
    }

    /** Whether {@code value op operand} holds, as the server's match expression decides it. */
    static boolean compare(Op op, BsonValue value, BsonValue operand) {
        int rank = BsonOrder.rank(value.getBsonType());
        int operandRank = BsonOrder.rank(operand.getBsonType());
        if (rank != operandRank) {
            return acrossBrackets(op, rank, operandRank, operand.getBsonType());
        }
        if (isNaN(value) || isNaN(operand)) {
            return isNaN(value) && isNaN(operand) && op != Op.LT && op != Op.GT;
        }
        int c = ORDER.compare(value, operand);
        switch (op) {
            case EQ: return c == 0;
            case LT: return c < 0;
            case LTE: return c <= 0;
            case GT: return c > 0;
            default: return c >= 0;
        }
    }

    private static boolean acrossBrackets(Op op, int rank, int operandRank, BsonType operandType) {
        if (Set.of(rank, operandRank).equals(Set.of(rankOf(BsonType.NULL), rankOf(BsonType.UNDEFINED)))) {
            return op == Op.EQ || op == Op.LTE || op == Op.GTE;
        }
        switch (op) {
            case LT: case LTE: return operandType == BsonType.MAX_KEY;
            case GT: case GTE: return operandType == BsonType.MIN_KEY;
            default: return false;
        }
    }

    static boolean isNaN(BsonValue value) {
        return value.isDouble() && Double.isNaN(value.asDouble().getValue())
            || value.isDecimal128() && value.asDecimal128().getValue().isNaN();
    }

    /** The BSON types a {@code $type} operand names; null if it names one the server does not know. */
    static Set<BsonType> types(BsonValue operand) {
        Set<BsonType> result = new java.util.HashSet<>();
        for (BsonValue type : operand.isArray() ? operand.asArray() : new BsonArray(List.of(operand))) {
            if (type.isString() && type.asString().getValue().equals("number")) {
                result.addAll(NUMBERS);
            } else if (type.isString() && TYPE_NAMES.containsKey(type.asString().getValue())) {
                result.add(TYPE_NAMES.get(type.asString().getValue()));
            } else if (type.isNumber() && byNumber(type.asNumber().doubleValue()) != null) {
                result.add(byNumber(type.asNumber().doubleValue()));
            } else {
                return null;
            }
        }
        return result;
    }

    private static BsonType byNumber(double code) {
        if (code != Math.rint(code)) {
            return null;
        }
        for (BsonType type : TYPE_NAMES.values()) {
            if (type.getValue() == (int) code) {
                return type;
            }
        }
        return (int) code == -1 ? BsonType.MIN_KEY : null;
    }

    static int rankOf(BsonType type) {
        return BsonOrder.rank(type);
    }

    /** The smallest value of a canonical rank. */
    static BsonValue rankStart(int rank) {
        for (BsonValue start : RANK_STARTS) {
            if (BsonOrder.rank(start.getBsonType()) == rank) {
                return start;
            }
        }
        throw new IllegalArgumentException("no canonical rank " + rank);
    }

    /** The smallest value of the next rank, or null after the last; the end of a rank, exclusive. */
    static BsonValue rankEnd(int rank) {
        for (BsonValue start : RANK_STARTS) {
            if (BsonOrder.rank(start.getBsonType()) > rank) {
                return start;
            }
        }
        return null;
    }
}
