package io.ddt.testkit.internal.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.ddt.testkit.Workload.IdKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IdFactoryTest {

    @ParameterizedTest
    @EnumSource(IdKind.class)
    void idsOfEveryKindAreDistinctEvenAcrossNumericTypes(IdKind kind) {
        List<BsonValue> ids = draw(kind, 1, 5_000);

        assertThat(ids).doesNotHaveDuplicates();
        // the server treats equal numbers of different types as the same _id
        assertThat(ids.stream().filter(BsonValue::isNumber).map(id -> id.asNumber().doubleValue()))
            .doesNotHaveDuplicates();
    }

    @Test
    void sameSeedGivesSameIdsIncludingObjectIds() {
        assertThat(draw(IdKind.MIXED, 7, 500)).isEqualTo(draw(IdKind.MIXED, 7, 500));
        assertThat(draw(IdKind.OBJECT_ID, 7, 50)).isNotEqualTo(draw(IdKind.OBJECT_ID, 8, 50));
    }

    @Test
    void mixedIdsCoverSevenBsonTypes() {
        assertThat(draw(IdKind.MIXED, 3, 500)).extracting(BsonValue::getBsonType).containsOnly(
            BsonType.OBJECT_ID, BsonType.INT32, BsonType.INT64, BsonType.STRING, BsonType.DOCUMENT,
            BsonType.DOUBLE, BsonType.BINARY);
    }

    @Test
    void namespacesCountSeparately() {
        IdFactory ids = new IdFactory(IdKind.INT32, new Random(1), 2);

        assertThat(ids.next(0)).isEqualTo(ids.next(1));
    }

    private static List<BsonValue> draw(IdKind kind, long seed, int count) {
        IdFactory ids = new IdFactory(kind, new Random(seed), 1);
        List<BsonValue> drawn = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            drawn.add(ids.next(0));
        }
        return drawn;
    }
}
