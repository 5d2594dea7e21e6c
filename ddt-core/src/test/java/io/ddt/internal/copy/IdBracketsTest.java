package io.ddt.internal.copy;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

import io.ddt.spi.RangeState;

/** The filters that make every document belong to exactly one range, before and after a resume. */
class IdBracketsTest {

    private static final String NUMBERS = "{$type: ['double', 'int', 'long', 'decimal']}";

    @Test
    void sampledIdsFallIntoTheBracketWhoseFilterSelectsThem() {
        assertThat(IdBrackets.bracketOf(new BsonDouble(Double.NaN))).isEqualTo("number");
        assertThat(IdBrackets.bracketOf(new org.bson.BsonDecimal128(org.bson.types.Decimal128.parse("1.5")))).isEqualTo("number");
        assertThat(IdBrackets.bracketOf(new org.bson.BsonInt64(7))).isEqualTo("number");
        assertThat(IdBrackets.bracketOf(new BsonString("s"))).isEqualTo("string");
        assertThat(IdBrackets.bracketOf(new org.bson.BsonSymbol("s"))).isEqualTo(IdBrackets.OTHER);
        assertThat(IdBrackets.bracketOf(new org.bson.BsonObjectId())).isEqualTo("objectId");
        assertThat(IdBrackets.bracketOf(new org.bson.BsonDateTime(0))).isEqualTo("date");
        assertThat(IdBrackets.bracketOf(new org.bson.BsonTimestamp(0))).isEqualTo(IdBrackets.OTHER);
        assertThat(IdBrackets.bracketOf(new BsonMinKey())).isEqualTo(IdBrackets.OTHER);
    }

    @Test
    void firstRangeOfABracketTakesEverythingBelowItsUpperBoundIncludingNaN() {
        RangeState first = RangeState.of(0, "number", new BsonMinKey(), new BsonInt32(10));
        assertThat(IdBrackets.rangeFilter(first)).isEqualTo(BsonDocument.parse(
            "{$and: [{_id: " + NUMBERS + "}, {_id: {$not: {$gte: 10}}}]}"));
    }

    @Test
    void middleRangeIsBoundedOnBothSidesAndHeldToItsBracket() {
        RangeState middle = RangeState.of(1, "number", new BsonInt32(10), new BsonInt32(20));
        assertThat(IdBrackets.rangeFilter(middle)).isEqualTo(BsonDocument.parse(
            "{$and: [{_id: " + NUMBERS + "}, {_id: {$gte: 10}}, {_id: {$not: {$gte: 20}}}]}"));
    }

    @Test
    void lastStringRangeDoesNotReachIntoSymbols() {
        RangeState last = RangeState.of(2, "string", new BsonString("m"), new BsonMaxKey());
        assertThat(IdBrackets.rangeFilter(last)).isEqualTo(BsonDocument.parse(
            "{$and: [{_id: {$type: ['string']}}, {_id: {$gte: 'm'}}]}"));
    }

    @Test
    void resumedSplitRangeStartsAfterItsLastId() {
        RangeState last = RangeState.of(2, "number", new BsonInt32(20), new BsonMaxKey()).advancedTo(new BsonInt32(25), 6);
        assertThat(IdBrackets.rangeFilter(last)).isEqualTo(BsonDocument.parse(
            "{$and: [{_id: " + NUMBERS + "}, {_id: {$gt: 25}}]}"));
    }

    @Test
    void rangeResumedAfterNaNTakesEveryOtherNumber() {
        RangeState first = RangeState.of(0, "number", new BsonMinKey(), new BsonInt32(10))
            .advancedTo(new BsonDouble(Double.NaN), 1);
        BsonDocument filter = IdBrackets.rangeFilter(first);
        assertThat(filter.getArray("$and").get(1).asDocument().getDocument("_id").get("$ne"))
            .isEqualTo(new BsonDouble(Double.NaN));
    }

    @Test
    void wholeCollectionRangeResumesAcrossTypes() {
        RangeState all = RangeState.of(0, IdBrackets.ALL, new BsonMinKey(), new BsonMaxKey());
        assertThat(IdBrackets.rangeFilter(all)).isEqualTo(new BsonDocument());
        BsonDocument resumed = IdBrackets.rangeFilter(all.advancedTo(new BsonInt32(7), 1));
        assertThat(resumed.getArray("$or").get(0)).isEqualTo(BsonDocument.parse("{_id: {$gt: 7}}"));
        assertThat(resumed.getArray("$or").get(1).asDocument().getDocument("_id").getArray("$type"))
            .contains(new BsonString("string"), new BsonString("objectId"), new BsonString("maxKey"))
            .doesNotContain(new BsonString("int"), new BsonString("null"));
    }

    @Test
    void otherBracketTakesEveryTypeThatIsNotSplit() {
        RangeState other = RangeState.of(5, IdBrackets.OTHER, new BsonMinKey(), new BsonMaxKey());
        assertThat(IdBrackets.rangeFilter(other)).isEqualTo(BsonDocument.parse(
            "{_id: {$not: {$type: ['double', 'int', 'long', 'decimal', 'string', 'objectId', 'date']}}}"));
    }
}
