package io.ddt.internal.copy;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.junit.jupiter.api.Test;

import io.ddt.spi.RangeState;

/** The filters that make every document belong to exactly one range. */
class IdBracketsTest {

    @Test
    void firstRangeOfABracketTakesEverythingBelowItsUpperBoundIncludingNaN() {
        RangeState first = RangeState.of(0, "number", new BsonMinKey(), new BsonInt32(10));
        assertThat(IdBrackets.rangeFilter(first)).isEqualTo(BsonDocument.parse(
            "{$and: [{_id: {$type: ['double', 'int', 'long', 'decimal']}}, {_id: {$not: {$gte: 10}}}]}"));
    }

    @Test
    void middleRangeIsBoundedOnBothSidesWithinItsBracket() {
        RangeState middle = RangeState.of(1, "number", new BsonInt32(10), new BsonInt32(20));
        assertThat(IdBrackets.rangeFilter(middle)).isEqualTo(BsonDocument.parse(
            "{$and: [{_id: {$gte: 10}}, {_id: {$not: {$gte: 20}}}, {_id: {$type: ['double', 'int', 'long', 'decimal']}}]}"));
    }

    @Test
    void lastRangeIsOpenAboveAndAResumedRangeStartsAfterItsLastId() {
        RangeState last = RangeState.of(2, "number", new BsonInt32(20), new BsonMaxKey());
        assertThat(IdBrackets.rangeFilter(last)).isEqualTo(BsonDocument.parse("{_id: {$gte: 20}}"));
        assertThat(IdBrackets.rangeFilter(last.advancedTo(new BsonInt32(25), 6))).isEqualTo(BsonDocument.parse("{_id: {$gt: 25}}"));
    }

    @Test
    void otherBracketTakesEveryTypeThatIsNotSplit() {
        RangeState other = RangeState.of(5, IdBrackets.OTHER, new BsonMinKey(), new BsonMaxKey());
        assertThat(IdBrackets.rangeFilter(other)).isEqualTo(BsonDocument.parse(
            "{_id: {$not: {$type: ['double', 'int', 'long', 'decimal', 'string', 'objectId', 'date']}}}"));
    }

    @Test
    void wholeCollectionRangeHasNoFilter() {
        RangeState all = RangeState.of(0, IdBrackets.ALL, new BsonMinKey(), new BsonMaxKey());
        assertThat(IdBrackets.rangeFilter(all)).isEqualTo(new BsonDocument());
        assertThat(IdBrackets.rangeFilter(all.advancedTo(new BsonInt32(7), 1))).isEqualTo(BsonDocument.parse("{_id: {$gt: 7}}"));
    }
}
