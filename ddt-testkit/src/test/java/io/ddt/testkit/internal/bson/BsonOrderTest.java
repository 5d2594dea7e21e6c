package io.ddt.testkit.internal.bson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class BsonOrderTest {

    private final BsonOrder order = new BsonOrder();

    /** MongoDB's documented comparison order, with the within-type rules the server applies. */
    private static List<BsonValue> serverOrder() {
        return List.of(
                new BsonMinKey(),
                BsonNull.VALUE,
                new BsonDouble(Double.NaN),
                new BsonDouble(Double.NEGATIVE_INFINITY),
                new BsonInt64(Long.MIN_VALUE),
                new BsonDouble(-2.5),
                new BsonInt32(-2),
                new BsonDecimal128(Decimal128.parse("-1.5")),
                new BsonInt32(0),
                new BsonDouble(1.5),
                new BsonInt64(2),
                new BsonDecimal128(Decimal128.parse("2.5")),
                new BsonInt64(Long.MAX_VALUE),
                new BsonDecimal128(Decimal128.parse("1E+30")),
                new BsonDouble(Double.POSITIVE_INFINITY),
                new BsonString(""),
                new BsonString("B"),
                new BsonString("a"),
                new BsonString("ab"),
                new BsonString("é"),
                new BsonString("\uffff"),
                new BsonString("\ud83d\ude00"), // above U+FFFF: last in UTF-8, not in UTF-16 order
                new BsonDocument(),
                BsonDocument.parse("{a: 1}"),
                BsonDocument.parse("{a: 1, b: 1}"),
                BsonDocument.parse("{a: 2}"),
                BsonDocument.parse("{b: 1}"),
                BsonDocument.parse("{a: 'x'}"), // the value's type ranks before the field name
                new BsonArray(),
                new BsonArray(List.of(new BsonInt32(1))),
                new BsonArray(List.of(new BsonInt32(1), new BsonInt32(2))),
                new BsonArray(List.of(new BsonInt32(2))),
                new BsonBinary((byte) 0, new byte[] {2}),
                new BsonBinary((byte) 5, new byte[] {1}), // length first, then subtype, then bytes
                new BsonBinary((byte) 0, new byte[] {1, 2}),
                new BsonObjectId(new ObjectId("000000000000000000000001")),
                new BsonObjectId(new ObjectId("ff0000000000000000000000")),
                BsonBoolean.FALSE,
                BsonBoolean.TRUE,
                new BsonDateTime(-1000),
                new BsonDateTime(0),
                new BsonTimestamp(1, 5),
                new BsonTimestamp(2, 0),
                new BsonTimestamp(-1, 0), // seconds are unsigned: 0xFFFFFFFF is the latest
                new BsonRegularExpression("a"),
                new BsonRegularExpression("a", "i"),
                new BsonRegularExpression("b"),
                new BsonMaxKey());
    }

    @Test
    void sortsValuesAsTheServerDoes() {
        List<BsonValue> shuffled = new ArrayList<>(serverOrder());
        Collections.shuffle(shuffled, new Random(42));

        shuffled.sort(order);

        assertThat(shuffled).containsExactlyElementsOf(serverOrder());
    }

    @Test
    void treatsEqualNumbersOfDifferentTypesAsTheSameKey() {
        assertThat(order.compare(new BsonInt32(7), new BsonInt64(7))).isZero();
        assertThat(order.compare(new BsonInt32(7), new BsonDouble(7.0))).isZero();
        assertThat(order.compare(new BsonDouble(-0.0), new BsonDecimal128(Decimal128.NEGATIVE_ZERO))).isZero();
        assertThat(order.compare(new BsonDouble(Double.NaN), new BsonDecimal128(Decimal128.NaN))).isZero();
    }

    @Test
    void comparesLongsBeyondDoublePrecisionExactly() {
        assertThat(order.compare(new BsonInt64((1L << 53) + 1), new BsonDouble(1L << 53))).isPositive();
    }

    @Test
    void comparesStringsAsTheirUtf8Bytes() {
        Random random = new Random(5);
        char[] alphabet = {'a', 'b', 'é', '\u07ff', '\u0800', '\ud7ff', '\ue000', '\uffff', '\ud83d', '\ude00', '\udbff', '\udfff'};
        for (int i = 0; i < 20_000; i++) {
            String left = randomString(random, alphabet);
            String right = randomString(random, alphabet);
            int bytes = java.util.Arrays.compareUnsigned(left.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                right.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(Integer.signum(order.compare(new BsonString(left), new BsonString(right))))
                .as("%s vs %s", left, right).isEqualTo(Integer.signum(bytes));
        }
    }

    /** Well-formed strings: surrogates only in pairs. */
    private static String randomString(Random random, char[] alphabet) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(4);
        while (text.length() < length) {
            char c = alphabet[random.nextInt(alphabet.length)];
            if (Character.isHighSurrogate(c)) {
                text.append(c).append('\ude00');
            } else if (!Character.isLowSurrogate(c)) {
                text.append(c);
            }
        }
        return text.toString();
    }
}
