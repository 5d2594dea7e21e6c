package io.ddt.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

class CopyStateTest {

    @Test
    void roundTripsThroughBson() {
        RangeState first = RangeState.of(0, "number", new BsonMinKey(), new BsonInt32(100)).advancedTo(new BsonInt32(42), 43);
        RangeState second = RangeState.of(1, "number", new BsonInt32(100), new BsonMaxKey()).finished();
        CopyState state = CopyState.empty()
            .with(new CollectionCopyState("shop.orders", List.of(first, second), false))
            .with(CollectionCopyState.planned("shop.customers"));
        CopyState back = CopyState.fromBson(BsonDocument.parse(state.toBson().toJson()));
        assertThat(back).isEqualTo(state);
        assertThat(back.collection("shop.orders").ranges().get(0).lastId()).isEqualTo(new BsonInt32(42));
        assertThat(back.documents()).isEqualTo(43);
    }

    @Test
    void isCompleteOnlyWhenEveryRangeIsDoneAndIndexesAreBuilt() {
        RangeState done = RangeState.of(0, "all", new BsonMinKey(), new BsonMaxKey()).finished();
        CollectionCopyState copied = new CollectionCopyState("a.b", List.of(done), false);
        assertThat(CopyState.empty().with(copied).isComplete()).isFalse();
        assertThat(CopyState.empty().with(copied.withIndexesBuilt()).isComplete()).isTrue();
        assertThat(CopyState.empty().with(CollectionCopyState.planned("a.c")).isComplete()).isFalse();
    }

    @Test
    void rejectsDocumentsThatAreNotStates() {
        assertThatThrownBy(() -> CopyState.fromBson(new BsonDocument("x", new BsonString("y"))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("collections");
        assertThatThrownBy(() -> RangeState.fromBson(new BsonDocument("index", new BsonString("zero"))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a range state");
    }

    @Test
    void describesARangeWithoutItsIdValues() {
        RangeState range = RangeState.of(3, "string", new BsonString("secret-m"), new BsonMaxKey())
            .advancedTo(new BsonString("secret-q"), 5);
        assertThat(range.toString()).isEqualTo("range 3 [string string, max) at string, 5 docs").doesNotContain("secret");
    }
}
