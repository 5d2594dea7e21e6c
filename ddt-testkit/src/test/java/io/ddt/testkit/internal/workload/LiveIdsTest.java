package io.ddt.testkit.internal.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.bson.BsonInt32;
import org.junit.jupiter.api.Test;

class LiveIdsTest {

    @Test
    void removalKeepsEveryOtherIdFindable() {
        LiveIds live = new LiveIds(1);
        for (int i = 0; i < 10; i++) {
            live.add(0, new BsonInt32(i));
        }

        live.remove(0, new BsonInt32(3));
        live.remove(0, new BsonInt32(9));
        live.remove(0, new BsonInt32(42));
        live.remove(0, new BsonInt32(0));

        assertThat(live.snapshot(0)).containsExactlyInAnyOrder(
            new BsonInt32(1), new BsonInt32(2), new BsonInt32(4), new BsonInt32(5), new BsonInt32(6),
            new BsonInt32(7), new BsonInt32(8));
        assertThat(live.contains(0, new BsonInt32(8))).isTrue();
        assertThat(live.contains(0, new BsonInt32(3))).isFalse();
    }

    @Test
    void addingAnIdTwiceKeepsOneCopy() {
        LiveIds live = new LiveIds(2);

        live.add(1, new BsonInt32(1));
        live.add(1, new BsonInt32(1));

        assertThat(live.size(1)).isEqualTo(1);
        assertThat(live.size(0)).isZero();
    }

    @Test
    void pickDistinctReturnsDistinctLiveIds() {
        LiveIds live = new LiveIds(1);
        for (int i = 0; i < 3; i++) {
            live.add(0, new BsonInt32(i));
        }

        assertThat(live.pickDistinct(0, 10, new Random(1))).doesNotHaveDuplicates().hasSizeBetween(1, 3)
            .allSatisfy(id -> assertThat(live.contains(0, id)).isTrue());
    }
}
