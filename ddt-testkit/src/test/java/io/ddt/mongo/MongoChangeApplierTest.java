package io.ddt.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import io.ddt.ApplySettings;
import io.ddt.DdtException;
import io.ddt.Namespace;
import io.ddt.NamespaceFilter;
import io.ddt.NamespaceMapping;
import io.ddt.Position;
import io.ddt.event.ChangeEvent;
import io.ddt.event.EventHeader;
import io.ddt.event.Insert;
import io.ddt.spi.EventBatch;
import io.ddt.testkit.Cluster;
import io.ddt.testkit.Clusters;
import io.ddt.testkit.FakeCluster;

/** The MongoDB change applier on a fake target: order, barriers, mapping, what it skips, idempotence. */
@Clusters
class MongoChangeApplierTest {

    static final Namespace ITEMS = Namespace.of("shop", "items");

    @Cluster
    FakeCluster target;

    final ChangeScript script = new ChangeScript();

    MongoChangeApplier applier(ApplySettings settings) {
        return MongoChangeApplier.builder(target.client()).settings(settings).build();
    }

    MongoCollection<BsonDocument> collection(Namespace ns) {
        return target.client().getDatabase(ns.database()).getCollection(ns.collection(), BsonDocument.class);
    }

    static BsonDocument doc(int id, int value) {
        return new BsonDocument("_id", new BsonInt32(id)).append("v", new BsonInt32(value));
    }

    /** Random inserts, updates, replaces and deletes over a few keys, and the state they end in. */
    List<ChangeEvent> randomHistory(int count, int keys, long seed, Map<Integer, BsonDocument> state) {
        Random random = new Random(seed);
        List<ChangeEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int id = random.nextInt(keys);
            BsonDocument current = state.get(id);
            if (current == null) {
                state.put(id, doc(id, i));
                events.add(script.insert(ITEMS, doc(id, i)));
            } else if (random.nextInt(10) == 0) {
                state.remove(id);
                events.add(script.delete(ITEMS, new BsonInt32(id)));
            } else if (random.nextInt(10) == 0) {
                state.put(id, doc(id, i).append("replaced", BsonBoolean.TRUE));
                events.add(script.replace(ITEMS, state.get(id).clone()));
            } else {
                current.put("v", new BsonInt32(i));
                events.add(script.set(ITEMS, new BsonInt32(id), new BsonDocument("v", new BsonInt32(i))));
            }
        }
        return events;
    }

    Map<Integer, BsonDocument> targetState(Namespace ns) {
        Map<Integer, BsonDocument> state = new HashMap<>();
        collection(ns).find().forEach(d -> state.put(d.getInt32("_id").getValue(), d));
        return state;
    }

    @Test
    void keepsEachDocumentsOrderUnderManyWorkers() throws InterruptedException {
        Map<Integer, BsonDocument> expected = new HashMap<>();
        List<ChangeEvent> events = randomHistory(10_000, 100, 7, expected);
        try (MongoChangeApplier applier = applier(ApplySettings.builder().threads(8).batchDocuments(50).build())) {
            for (EventBatch batch : script.batches(events, 250)) {
                applier.apply(batch);
            }
            Position last = applier.flush();
            assertThat(last).isEqualTo(events.get(events.size() - 1).position());
            assertThat(applier.watermark()).contains(last);
            assertThat(applier.eventsApplied()).isEqualTo(10_000);
        }
        assertThat(targetState(ITEMS)).isEqualTo(expected);
    }

    @Test
    void ddlWaitsForEveryEarlierWriteAndHoldsBackEveryLaterOne() throws InterruptedException {
        List<ChangeEvent> before = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            before.add(script.insert(ITEMS, doc(i, 1)));
        }
        List<ChangeEvent> after = new ArrayList<>();
        for (int i = 1000; i < 1100; i++) {
            after.add(script.insert(ITEMS, doc(i, 2)));
        }
        List<ChangeEvent> all = new ArrayList<>(before);
        all.add(script.drop(ITEMS));
        all.add(script.create(ITEMS));
        all.addAll(after);
        try (MongoChangeApplier applier = applier(ApplySettings.builder().threads(4).batchDocuments(20).build())) {
            applier.apply(script.batch(all));
            applier.flush();
            assertThat(applier.eventsApplied()).isEqualTo(602);
        }
        assertThat(collection(ITEMS).countDocuments()).isEqualTo(100);
        assertThat(collection(ITEMS).countDocuments(Filters.lt("_id", 1000))).isZero();
    }

    @Test
    void writesAndDdlGoWhereTheMappingSays() throws InterruptedException {
        Namespace renamed = Namespace.of("archive", "items_v2");
        NamespaceMapping mapping = NamespaceMapping.builder().renameCollection("shop.items", renamed.fullName()).build();
        try (MongoChangeApplier applier = MongoChangeApplier.builder(target.client()).mapping(mapping).build()) {
            applier.apply(script.batch(script.create(ITEMS), script.insert(ITEMS, doc(1, 1)), script.insert(ITEMS, doc(2, 1)),
                script.set(ITEMS, new BsonInt32(2), new BsonDocument("v", new BsonInt32(5)))));
            applier.flush();
        }
        assertThat(collection(renamed).find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
            .containsExactly(doc(1, 1), doc(2, 5));
        assertThat(target.client().getDatabase("shop").listCollectionNames().into(new ArrayList<>())).isEmpty();
    }

    @Test
    void aRenameOutOfTheSelectionDropsTheCollectionOnTheTarget() throws InterruptedException {
        Namespace archive = Namespace.of("archive", "items");
        try (MongoChangeApplier applier = MongoChangeApplier.builder(target.client()).filter(shopOnly()).build()) {
            applier.apply(script.batch(script.insert(ITEMS, doc(1, 1)), script.rename(ITEMS, archive),
                script.insert(archive, doc(2, 1))));
            applier.flush();
        }
        assertThat(target.client().listDatabaseNames().into(new ArrayList<>())).doesNotContain("shop", "archive");
    }

    @Test
    void aRenameIntoTheSelectionFailsSayingToCopyTheCollectionAgain() throws InterruptedException {
        Namespace archive = Namespace.of("archive", "items");
        try (MongoChangeApplier applier = MongoChangeApplier.builder(target.client()).filter(shopOnly()).build()) {
            applier.apply(script.batch(script.insert(archive, doc(1, 1)), script.rename(archive, ITEMS)));
            assertThatThrownBy(applier::flush).isInstanceOf(DdtException.class)
                .hasMessageContaining("archive.items, which the filter leaves out").hasMessageContaining("Copy shop.items again");
        }
    }

    static NamespaceFilter shopOnly() {
        return NamespaceFilter.builder().include("shop.*").build();
    }

    @Test
    void neverReplaysInternalNamespacesMigrationsOrTheConflictCollectionYetMovesTheWatermarkOverThem()
        throws InterruptedException {
        Namespace conflicts = Namespace.of("ddt", "conflicts");
        Insert migrated = new Insert(new EventHeader(script.nextPosition(), null, true, null), ITEMS, ChangeScript.key(9), doc(9, 1));
        List<ChangeEvent> skipped = List.of(script.insert(Namespace.of("admin", "x"), doc(1, 1)),
            script.insert(Namespace.of("config", "x"), doc(1, 1)), script.insert(Namespace.of("shop", "system.js"), doc(1, 1)),
            script.insert(conflicts, doc(1, 1)), script.drop(conflicts), migrated, script.noop());
        try (MongoChangeApplier applier = applier(ApplySettings.defaults())) {
            applier.apply(script.batch(skipped));
            EventBatch idle = EventBatch.idle(script.nextPosition());
            applier.apply(idle);
            assertThat(applier.flush()).isEqualTo(idle.position());
            assertThat(applier.watermark()).contains(idle.position());
            assertThat(applier.eventsApplied()).isZero();
        }
        assertThat(collection(Namespace.of("admin", "x")).countDocuments()).isZero();
        assertThat(collection(Namespace.of("config", "x")).countDocuments()).isZero();
        assertThat(collection(Namespace.of("shop", "system.js")).countDocuments()).isZero();
        assertThat(collection(conflicts).countDocuments()).isZero();
        assertThat(collection(ITEMS).countDocuments()).isZero();
    }

    @Test
    void replayingAnySuffixAgainEndsTheSame() throws InterruptedException {
        Map<Integer, BsonDocument> expected = new HashMap<>();
        List<ChangeEvent> events = randomHistory(3_000, 60, 11, expected);
        ApplySettings settings = ApplySettings.builder().threads(4).batchDocuments(40).build();
        try (MongoChangeApplier applier = applier(settings)) {
            for (EventBatch batch : script.batches(events, 100)) {
                applier.apply(batch);
            }
            applier.flush();
        }
        assertThat(targetState(ITEMS)).isEqualTo(expected);
        for (int from : new int[] {2_999, 2_000, 1_234, 0}) {
            try (MongoChangeApplier again = applier(settings)) {
                for (EventBatch batch : script.batches(events.subList(from, events.size()), 100)) {
                    again.apply(batch);
                }
                again.flush();
            }
            assertThat(targetState(ITEMS)).as("replayed from event %d", from).isEqualTo(expected);
        }
    }

    @Test
    void appliesATransactionInOneTargetTransactionWhenAskedTo() throws InterruptedException {
        List<ChangeEvent> inside = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            inside.add(script.insert(ITEMS, doc(i, 1)));
        }
        inside.add(script.set(ITEMS, new BsonInt32(3), new BsonDocument("v", new BsonInt32(9))));
        try (MongoChangeApplier applier = applier(ApplySettings.builder().atomicTransactions(true).build())) {
            applier.apply(script.batch(script.insert(ITEMS, doc(100, 0)), script.transaction(inside),
                script.insert(ITEMS, doc(101, 0))));
            applier.flush();
            assertThat(applier.eventsApplied()).isEqualTo(13);
        }
        assertThat(collection(ITEMS).countDocuments()).isEqualTo(12);
        assertThat(collection(ITEMS).find(Filters.eq("_id", 3)).first()).isEqualTo(doc(3, 9));
        List<Document> applyOps = target.client().getDatabase("local").getCollection("oplog.rs")
            .find(Filters.eq("o.applyOps.ns", ITEMS.fullName())).into(new ArrayList<>());
        assertThat(applyOps).hasSize(1);
        assertThat(applyOps.get(0).get("o", Document.class).getList("applyOps", Document.class)).hasSize(11);
    }

    @Test
    void spreadsATransactionOverTheWorkersByDefault() throws InterruptedException {
        List<ChangeEvent> inside = List.of(script.insert(ITEMS, doc(1, 1)), script.insert(ITEMS, doc(2, 1)));
        try (MongoChangeApplier applier = applier(ApplySettings.defaults())) {
            applier.apply(script.batch(script.transaction(inside)));
            applier.flush();
            assertThat(applier.eventsApplied()).isEqualTo(2);
        }
        assertThat(collection(ITEMS).countDocuments()).isEqualTo(2);
        assertThat(target.client().getDatabase("local").getCollection("oplog.rs")
            .countDocuments(Filters.exists("o.applyOps"))).isZero();
    }

    @Test
    void buildsOnlyValidSettings() {
        assertThat(ApplySettings.defaults().toString()).contains("threads=4", "conflicts=FAIL");
        assertThatThrownBy(() -> ApplySettings.builder().threads(0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads");
        assertThatThrownBy(() -> ApplySettings.builder().delay(Duration.ofSeconds(-1))).hasMessageContaining("delay");
        assertThatThrownBy(() -> ApplySettings.builder().maxBytesInFlight(10)).hasMessageContaining("maxBytesInFlight");
        assertThatThrownBy(() -> ApplySettings.builder().conflictNamespace(Namespace.of("local", "c")))
            .hasMessageContaining("conflictNamespace");
    }
}
