package io.ddt.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.BsonDocument;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;

class ApplyPlanTest {

    @Test
    void drawsSixtyPercentUpdatesTwentyInsertsTwentyDeletes() {
        Map<String, Integer> kinds = new HashMap<>();
        for (ApplyPlan.Chunk chunk : new ApplyPlan(5, 1000, 7).chunks(50_000, 1000)) {
            chunk.writes().forEach(w -> kinds.merge(w.getClass().getSimpleName(), 1, Integer::sum));
        }

        assertThat(kinds.get("UpdateOneModel")).isBetween(29_000, 31_000);
        assertThat(kinds.get("InsertOneModel")).isBetween(9_500, 10_500);
        assertThat(kinds.get("DeleteOneModel")).isBetween(9_500, 10_500);
    }

    @Test
    void updatesAndDeletesOnlyDocumentsThatExistThen() {
        ApplyPlan plan = new ApplyPlan(2, 100, 3);
        List<Set<Integer>> live = List.of(range(100), range(100));
        for (ApplyPlan.Chunk chunk : plan.chunks(20_000, 100)) {
            Set<Integer> ids = live.get(chunk.collection());
            for (WriteModel<BsonDocument> write : chunk.writes()) {
                if (write instanceof InsertOneModel<BsonDocument> insert) {
                    assertThat(ids.add(insert.getDocument().getInt32("_id").getValue())).isTrue();
                } else if (write instanceof UpdateOneModel<BsonDocument> update) {
                    assertThat(ids).contains(id(update.getFilter()));
                } else {
                    assertThat(ids.remove(id(((DeleteOneModel<BsonDocument>) write).getFilter()))).isTrue();
                }
            }
        }
    }

    @Test
    void theSameSeedDrawsTheSameWrites() {
        List<ApplyPlan.Chunk> first = new ApplyPlan(3, 50, 11).chunks(2000, 100);
        List<ApplyPlan.Chunk> second = new ApplyPlan(3, 50, 11).chunks(2000, 100);

        assertThat(first).hasSize(20);
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.get(i).collection()).isEqualTo(second.get(i).collection());
            assertThat(first.get(i).writes().toString()).isEqualTo(second.get(i).writes().toString());
        }
    }

    private static int id(Bson filter) {
        return filter.toBsonDocument().getInt32("_id").getValue();
    }

    private static Set<Integer> range(int count) {
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < count; i++) {
            ids.add(i);
        }
        return ids;
    }
}
