package io.ddt.mongo;

import static io.ddt.testkit.assertions.DdtAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import io.ddt.ConfigurationException;
import io.ddt.CopySettings;
import io.ddt.DdtException;
import io.ddt.NamespaceMapping;
import io.ddt.TargetNotEmptyException;
import io.ddt.spi.CollectionCopyState;
import io.ddt.spi.CopyListener;
import io.ddt.spi.CopyState;
import io.ddt.testkit.Cluster;
import io.ddt.testkit.Clusters;
import io.ddt.testkit.FakeCluster;

/** Resuming, concurrency, target policies and refused documents of the MongoDB full copy. */
@Clusters
class MongoFullCopierRecoveryTest {

    private static final int DOCUMENTS = 20_000;

    @Cluster
    FakeCluster source;

    @Cluster
    FakeCluster target;

    void fill(String database, String collection, int count) {
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(new Document("_id", i).append("n", i).append("pad", "p".repeat(100)));
            if (batch.size() == 1000) {
                source.client().getDatabase(database).getCollection(collection).insertMany(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            source.client().getDatabase(database).getCollection(collection).insertMany(batch);
        }
    }

    @Test
    void rangesOfOneCollectionRunConcurrently() {
        fill("big", "docs", DOCUMENTS);
        AtomicInteger mostRunningAtOnce = new AtomicInteger();
        CopyListener listener = new CopyListener() {
            @Override
            public void stateChanged(CopyState state) {
                CollectionCopyState docs = state.collection("big.docs");
                if (docs != null) {
                    int running = (int) docs.ranges().stream().filter(r -> r.lastId() != null && !r.done()).count();
                    mostRunningAtOnce.accumulateAndGet(running, Math::max);
                }
            }
        };
        copier(settings().threads(4)).copy(CopyState.empty(), listener);
        assertThat(mostRunningAtOnce.get()).as("ranges of big.docs in progress at the same time").isGreaterThanOrEqualTo(2);
        assertThat(target).hasSameContentAs(source);
    }

    @Test
    void copyStoppedHalfwayResumesFromItsStateAndRedoesOnlyTheBatchesInFlight() {
        fill("big", "docs", DOCUMENTS);
        AtomicReference<CopyState> saved = new AtomicReference<>(CopyState.empty());
        AtomicBoolean crashed = new AtomicBoolean();
        CopyListener crashHalfway = new CopyListener() {
            @Override
            public void stateChanged(CopyState state) {
                saved.set(state);
                if (state.documents() >= DOCUMENTS / 2 && crashed.compareAndSet(false, true)) {
                    failInserts();
                }
            }
        };
        assertThatThrownBy(() -> copier(settings()).copy(CopyState.empty(), crashHalfway)).isInstanceOf(DdtException.class);
        target.client().getDatabase("admin").runCommand(new Document("configureFailPoint", "failCommand").append("mode", "off"));
        CopyState checkpoint = saved.get();
        assertThat(checkpoint.documents()).isBetween((long) DOCUMENTS / 2, (long) DOCUMENTS - 1);

        AtomicInteger inserted = new AtomicInteger();
        try (MongoClient counting = countingInserts(inserted)) {
            CopyState done = MongoFullCopier.builder(source.client(), counting).settings(settings().build())
                .build().copy(checkpoint, CopyListener.NONE);
            assertThat(done.isComplete()).isTrue();
        }
        long inFlightAtMost = 4L * 500;
        assertThat(inserted.get()).as("documents written after the restart")
            .isLessThanOrEqualTo((int) (DOCUMENTS - checkpoint.documents() + inFlightAtMost));
        assertThat(target).hasSameContentAs(source);
    }

    private void failInserts() {
        target.client().getDatabase("admin").runCommand(new Document("configureFailPoint", "failCommand")
            .append("mode", "alwaysOn").append("data", new Document("failCommands", List.of("insert")).append("errorCode", 8000)));
    }

    private MongoClient countingInserts(AtomicInteger inserted) {
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("insert")) {
                    inserted.addAndGet(event.getCommand().getArray("documents").size());
                }
            }
        };
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(
            new com.mongodb.ConnectionString(target.connectionString())).addCommandListener(listener).build());
    }

    @Test
    void resumingASmallMixedTypeCollectionCopiesTheTypesAfterTheLastId() {
        List<Document> mixed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            mixed.add(new Document("_id", i));
            mixed.add(new Document("_id", "s" + i));
            mixed.add(new Document("_id", new org.bson.types.ObjectId()));
        }
        source.client().getDatabase("shop").getCollection("mixed").insertMany(mixed);
        AtomicReference<CopyState> saved = new AtomicReference<>();
        CopyListener crashAfterFirstBatch = new CopyListener() {
            @Override
            public void stateChanged(CopyState state) {
                CollectionCopyState mixedState = state.collection("shop.mixed");
                if (mixedState != null && mixedState.documents() > 0) {
                    saved.compareAndSet(null, state);
                    throw new IllegalStateException("simulated crash");
                }
            }
        };
        CopySettings.Builder small = CopySettings.builder().batchDocuments(5);
        assertThatThrownBy(() -> copier(small).copy(CopyState.empty(), crashAfterFirstBatch)).isInstanceOf(DdtException.class);
        assertThat(saved.get().documents()).isEqualTo(5);
        copier(small.targetPolicy(CopySettings.TargetPolicy.MERGE)).copy(saved.get(), CopyListener.NONE);
        assertThat(target).hasSameContentAs(source);
    }

    @Test
    void transientErrorWhileReadingIndexesIsRetriedAndTheCopyCompletes() {
        fill("shop", "orders", 10);
        source.client().getDatabase("shop").getCollection("orders").createIndex(new Document("n", 1));
        source.client().getDatabase("admin").runCommand(new Document("configureFailPoint", "failCommand")
            .append("mode", new Document("times", 2)).append("data", new Document("failCommands", List.of("listIndexes"))
                .append("closeConnection", true)));
        CopyState done = copier(settings()).copy(CopyState.empty(), CopyListener.NONE);
        assertThat(done.isComplete()).isTrue();
        assertThat(target).hasSameContentAs(source);
    }

    @Test
    void nonEmptyTargetFailsByDefaultBeforeAnyWrite() {
        fill("shop", "orders", 10);
        fill("shop", "customers", 10);
        target.client().getDatabase("shop").getCollection("orders").insertOne(new Document("_id", "mine"));
        assertThatThrownBy(() -> copier(settings()).copy(CopyState.empty(), CopyListener.NONE))
            .isInstanceOf(TargetNotEmptyException.class).hasMessageContaining("shop.orders");
        assertThat(target.client().getDatabase("shop").listCollectionNames().into(new ArrayList<>())).containsExactly("orders");
        assertThat(target.client().getDatabase("shop").getCollection("orders").countDocuments()).isEqualTo(1);
    }

    @Test
    void dropPolicyReplacesTheTargetCollection() {
        fill("shop", "orders", 10);
        target.client().getDatabase("shop").getCollection("orders").insertOne(new Document("_id", "mine"));
        copier(settings().targetPolicy(CopySettings.TargetPolicy.DROP)).copy(CopyState.empty(), CopyListener.NONE);
        assertThat(target).hasSameContentAs(source);
    }

    @Test
    void mergePolicyReplacesMatchingDocumentsAndKeepsTheRest() {
        fill("shop", "orders", 10);
        MongoDatabase targetShop = target.client().getDatabase("shop");
        targetShop.getCollection("orders").insertMany(List.of(new Document("_id", 3).append("stale", true),
            new Document("_id", "mine")));
        copier(settings().targetPolicy(CopySettings.TargetPolicy.MERGE)).copy(CopyState.empty(), CopyListener.NONE);
        assertThat(targetShop.getCollection("orders").countDocuments()).isEqualTo(11);
        assertThat(targetShop.getCollection("orders").find(new Document("_id", 3)).first())
            .isEqualTo(source.client().getDatabase("shop").getCollection("orders").find(new Document("_id", 3)).first());
    }

    @Test
    void mappingThatSendsTwoSourcesToOneTargetFailsBeforeAnyWrite() {
        fill("a", "c", 1);
        fill("b", "c", 1);
        NamespaceMapping mapping = NamespaceMapping.builder().renameDatabase("a", "z").renameDatabase("b", "z").build();
        assertThatThrownBy(() -> MongoFullCopier.builder(source.client(), target.client()).mapping(mapping).build()
            .copy(CopyState.empty(), CopyListener.NONE)).isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("a.c").hasMessageContaining("b.c").hasMessageContaining("z.c");
        assertThat(target.client().listDatabaseNames().into(new ArrayList<>())).doesNotContain("z");
    }

    @Test
    void refusedDocumentsFailOrAreSkippedAsThePolicySays() {
        fill("shop", "orders", 10);
        target.client().getDatabase("shop").createCollection("orders", new com.mongodb.client.model.CreateCollectionOptions()
            .validationOptions(new com.mongodb.client.model.ValidationOptions().validator(
                com.mongodb.client.model.Filters.lt("n", 8))));
        CopySettings.Builder merge = settings().targetPolicy(CopySettings.TargetPolicy.MERGE);
        assertThatThrownBy(() -> copier(merge).copy(CopyState.empty(), CopyListener.NONE))
            .isInstanceOf(io.ddt.DocumentRejectedException.class).hasMessageContaining("shop.orders");
        List<Object> skipped = new ArrayList<>();
        CopyListener recording = new CopyListener() {
            @Override
            public void documentRejected(String namespace, org.bson.BsonValue id, String reason) {
                skipped.add(id.asInt32().getValue());
            }
        };
        copier(merge.rejectPolicy(CopySettings.RejectPolicy.SKIP)).copy(CopyState.empty(), recording);
        assertThat(skipped).containsExactlyInAnyOrder(8, 9);
        assertThat(target.client().getDatabase("shop").getCollection("orders").countDocuments()).isEqualTo(8);
    }

    private static CopySettings.Builder settings() {
        return CopySettings.builder().rangeDocuments(2_000).batchDocuments(500).threads(4);
    }

    private MongoFullCopier copier(CopySettings.Builder settings) {
        return MongoFullCopier.builder(source.client(), target.client()).settings(settings.build()).build();
    }

}
