package io.ddt.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import io.ddt.ApplySettings;
import io.ddt.DdtException;
import io.ddt.Namespace;
import io.ddt.Position;
import io.ddt.event.ChangeEvent;
import io.ddt.spi.ChangeApplier;
import io.ddt.testkit.Cluster;
import io.ddt.testkit.Clusters;
import io.ddt.testkit.FakeCluster;

/**
 * What a restart of the applier relies on: the watermarks saved on either side of a DDL event,
 * and a close that lets the write already sent finish, so that no old write lands after a new
 * applier replayed past it.
 */
@Clusters
class MongoChangeApplierRestartTest {

    static final Namespace A = Namespace.of("app", "a");
    static final Namespace B = Namespace.of("app", "b");

    @Cluster
    FakeCluster target;

    final ChangeScript script = new ChangeScript();

    MongoCollection<BsonDocument> collection(Namespace ns) {
        return target.client().getDatabase(ns.database()).getCollection(ns.collection(), BsonDocument.class);
    }

    MongoChangeApplier applier() {
        return MongoChangeApplier.builder(target.client()).settings(ApplySettings.builder().threads(4).build()).build();
    }

    static BsonDocument doc(int id) {
        return new BsonDocument("_id", new BsonInt32(id));
    }

    List<Integer> ids(Namespace ns) {
        List<Integer> ids = new ArrayList<>();
        collection(ns).find().forEach(d -> ids.add(d.getInt32("_id").getValue()));
        return ids;
    }

    @Test
    void savesTheWatermarkBeforeAndAfterEachDdlWithNothingLaterStarted() throws InterruptedException {
        ChangeEvent insertX = script.insert(A, doc(1));
        ChangeEvent rename = script.rename(A, B);
        ChangeEvent insertY = script.insert(A, doc(2));
        List<Position> saved = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        try (ChangeApplier applier = applier()) {
            applier.setWatermarkListener(watermark -> {
                saved.add(watermark);
                seen.add("a " + ids(A) + ", b " + ids(B) + ", watermark at least here: "
                    + (applier.watermark().orElseThrow().compareTo(watermark) >= 0));
            });
            applier.apply(script.batch(insertX, rename, insertY));
            applier.flush();
        }
        assertThat(saved).containsExactly(insertX.position(), rename.position());
        assertThat(seen).containsExactly("a [1], b [], watermark at least here: true",
            "a [], b [1], watermark at least here: true");
    }

    @Test
    void aRestartFromTheLastSavedWatermarkReplaysNoWriteAcrossTheDdl() throws InterruptedException {
        // Insert X into a, rename a to b (dropping b), insert Y into a: replayed whole over the end
        // state, Y would move into b with the rename. Save points keep the rename out of the replay.
        ChangeEvent insertX = script.insert(A, doc(1));
        ChangeEvent rename = script.rename(A, B);
        ChangeEvent insertY = script.insert(A, doc(2));
        List<ChangeEvent> history = List.of(insertX, rename, insertY);
        List<Position> saved = new ArrayList<>();
        try (ChangeApplier applier = applier()) {
            applier.setWatermarkListener(saved::add);
            applier.apply(script.batch(history));
            applier.flush();
        }
        Position restart = saved.get(saved.size() - 1);
        try (ChangeApplier applier = applier()) {
            applier.apply(script.batch(history.stream().filter(e -> e.position().compareTo(restart) > 0).toList()));
            applier.flush();
        }
        assertThat(ids(A)).containsExactly(2);
        assertThat(ids(B)).containsExactly(1);
    }

    @Test
    void aListenerThatFailsStopsTheApplierBeforeTheDdl() throws InterruptedException {
        try (ChangeApplier applier = applier()) {
            applier.setWatermarkListener(watermark -> {
                throw new IllegalStateException("the store is full");
            });
            applier.apply(script.batch(script.insert(A, doc(1)), script.rename(A, B), script.insert(A, doc(2))));
            assertThatThrownBy(applier::flush).isInstanceOf(DdtException.class).hasMessageContaining("the store is full");
        }
        assertThat(ids(A)).containsExactly(1);
        assertThat(ids(B)).isEmpty();
    }

    @Test
    void theListenerIsSetBeforeTheFirstBatchOnly() throws InterruptedException {
        try (ChangeApplier applier = applier()) {
            applier.apply(script.batch(script.noop()));
            assertThatThrownBy(() -> applier.setWatermarkListener(w -> { })).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void closeLetsTheWriteAlreadySentFinishBeforeItReturns() throws InterruptedException {
        FailCommand.slowDown(target, "update", 1, 1_000);
        ChangeApplier applier = applier();
        applier.apply(script.batch(script.insert(A, doc(1))));
        Thread.sleep(300);
        applier.close();
        // Interrupted mid-command, the driver gives up while the server still runs the write:
        // it would land after close returned, under a new applier's replay.
        assertThat(collection(A).find(Filters.eq("_id", 1)).first()).isNotNull();
        assertThat(applier.watermark()).isPresent();
    }
}
