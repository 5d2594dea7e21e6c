package io.ddt.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import io.ddt.CheckpointException;
import io.ddt.Namespace;
import io.ddt.Phase;
import io.ddt.Position;
import io.ddt.spi.Checkpoint;
import io.ddt.spi.CheckpointStore;
import io.ddt.spi.CollectionCopyState;
import io.ddt.spi.CopyState;
import io.ddt.spi.RangeState;
import io.ddt.testkit.Cluster;
import io.ddt.testkit.Clusters;
import io.ddt.testkit.FakeCluster;

/** The collection checkpoint store on a fake target: one document per job, retries, and what a failed save leaves. */
@Clusters
class CollectionCheckpointStoreTest {

    @Cluster
    static FakeCluster target;

    private final AtomicInteger updates = new AtomicInteger();
    private final AtomicReference<BsonDocument> lastUpdate = new AtomicReference<>();
    private final List<MongoClient> clients = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        failPointOff();
        clients.forEach(MongoClient::close);
        target.client().getDatabase("ddt").getCollection("checkpoints").drop();
    }

    static Checkpoint checkpoint(String job, int applied) {
        BsonDocument token = new BsonDocument("_data", new BsonString("8265531C64000000" + (10 + applied) + "2B022C0100296E5A1004"));
        CopyState copy = CopyState.empty().with(CollectionCopyState.planned("shop.orders").withRanges(List.of(
            RangeState.of(0, "number", new BsonMinKey(), new BsonInt32(100)).advancedTo(new BsonInt32(99), 100).finished(),
            RangeState.of(1, "number", new BsonInt32(100), new BsonMaxKey()).advancedTo(new BsonInt32(140), 41))));
        return Checkpoint.builder(job).phase(Phase.STREAMING).copyState(copy)
            .t0(Position.of(new BsonTimestamp(1_700_000_000, 1))).t1(Position.of(new BsonTimestamp(1_700_000_050, 1)))
            .watermark(Position.of(new BsonTimestamp(1_700_000_050 + applied, 1), token))
            .fingerprint(Checkpoint.fingerprintOf("FULL_AND_REALTIME")).savedAt(Instant.ofEpochMilli(1_700_000_000_123L + applied))
            .build();
    }

    @Test
    void keepsOneDocumentPerJobInDdtCheckpointsAndRoundTripsIt() {
        CheckpointStore store = CheckpointStores.collection(target.client());
        store.save(checkpoint("orders-sync", 1));
        store.save(checkpoint("orders-sync", 2));
        store.save(checkpoint("users-sync", 1));

        assertThat(store.load("orders-sync")).contains(checkpoint("orders-sync", 2));
        assertThat(store.load("absent")).isEmpty();
        MongoCollection<BsonDocument> stored = target.client().getDatabase("ddt").getCollection("checkpoints", BsonDocument.class);
        assertThat(stored.countDocuments()).isEqualTo(2);
        BsonDocument document = stored.find(new BsonDocument("_id", new BsonString("orders-sync"))).first();
        assertThat(document.keySet()).startsWith("_id", "formatVersion", "jobId", "phase");
        store.delete("orders-sync");
        assertThat(store.load("orders-sync")).isEmpty();
        assertThat(store.load("users-sync")).isPresent();
    }

    @Test
    void concurrentSavesOfTwoJobsEachEndWithTheirLast() {
        CheckpointStore store = CheckpointStores.collection(target.client(), Namespace.of("ops", "ddt_checkpoints"));
        CompletableFuture<?> a = CompletableFuture.runAsync(() -> saveMany(store, "job-a"));
        CompletableFuture<?> b = CompletableFuture.runAsync(() -> saveMany(store, "job-b"));
        CompletableFuture.allOf(a, b).join();

        assertThat(store.load("job-a")).contains(checkpoint("job-a", 29));
        assertThat(store.load("job-b")).contains(checkpoint("job-b", 29));
        target.client().getDatabase("ops").drop();
    }

    private static void saveMany(CheckpointStore store, String job) {
        for (int i = 0; i < 30; i++) {
            store.save(checkpoint(job, i));
        }
    }

    @Test
    void retriesRetryableErrorsOnTheUpdateBeyondTheDriversOwnRetry() {
        CheckpointStore store = CheckpointStores.collection(countingClient());
        // ShutdownInProgress on a retryable write: the driver retries once, so four failures take two of the store's attempts.
        failUpdates(new Document("times", 4), new Document("errorCode", 91));

        store.save(checkpoint("orders-sync", 5));

        assertThat(updates.get()).isEqualTo(5);
        assertThat(store.load("orders-sync")).contains(checkpoint("orders-sync", 5));
        assertThat(lastUpdate.get().getDocument("writeConcern")).isEqualTo(BsonDocument.parse("{w: 'majority', wtimeout: 30000}"));
        assertThat(lastUpdate.get().getArray("updates").get(0).asDocument().getBoolean("upsert").getValue()).isTrue();
    }

    @Test
    void aNonRetryableErrorFailsAtOnceNamingJobAndCollectionAndKeepsTheOldCheckpoint() {
        CheckpointStore store = storeHoldingFirstCheckpoint();
        failUpdates("alwaysOn", new Document("errorCode", 8000));

        assertThatThrownBy(() -> store.save(checkpoint("orders-sync", 2))).isInstanceOf(CheckpointException.class)
            .hasMessageStartingWith("The save of the checkpoint of job orders-sync in ddt.checkpoints failed: error 8000")
            .hasMessageContaining("The store holds the previous checkpoint");
        assertThat(updates.get()).isEqualTo(1);
        failPointOff();
        assertThat(store.load("orders-sync")).contains(checkpoint("orders-sync", 1));
    }

    @Test
    void aSaveWhoseConnectionIsCutIsRetriedOnANewOne() {
        CheckpointStore store = storeHoldingFirstCheckpoint();
        failUpdates(new Document("times", 2), new Document("closeConnection", true));

        store.save(checkpoint("orders-sync", 2));

        assertThat(updates.get()).isEqualTo(3);
        assertThat(store.load("orders-sync")).contains(checkpoint("orders-sync", 2));
    }

    @Test
    void aRetryableErrorThatPersistsGivesUpWithinTheBoundAndKeepsTheOldCheckpoint() {
        CheckpointStore store = storeHoldingFirstCheckpoint();
        failUpdates("alwaysOn", new Document("errorCode", 91));
        long start = System.nanoTime();

        assertThatThrownBy(() -> store.save(checkpoint("orders-sync", 2))).isInstanceOf(CheckpointException.class)
            .hasMessageContaining("error 91 (ShutdownInProgress)").hasMessageContaining("(still failing after 5 attempts)");
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds spent").isBetween(1_500L, 10_000L);
        assertThat(updates.get()).as("the store's 5 attempts, each retried once by the driver").isEqualTo(10);
        failPointOff();
        assertThat(store.load("orders-sync")).contains(checkpoint("orders-sync", 1));
    }

    @Test
    void anUnusableDocumentIsAnErrorNamingItsCollectionAndId() {
        CheckpointStore store = CheckpointStores.collection(target.client());
        store.save(checkpoint("orders-sync", 1));
        target.client().getDatabase("ddt").getCollection("checkpoints", BsonDocument.class).updateOne(
            new BsonDocument("_id", new BsonString("orders-sync")), new BsonDocument("$set",
                new BsonDocument("formatVersion", new BsonInt32(Checkpoint.FORMAT_VERSION + 1))));

        assertThatThrownBy(() -> store.load("orders-sync")).isInstanceOf(CheckpointException.class)
            .hasMessageContaining("The checkpoint document {\"_id\": \"orders-sync\"} in ddt.checkpoints cannot be used.")
            .hasMessageContaining("has format version 2, newer than this ddt reads (1)");
    }

    /** A store on a client that counts updates, holding checkpoint 1 of orders-sync; the count starts after it. */
    private CheckpointStore storeHoldingFirstCheckpoint() {
        CheckpointStore store = CheckpointStores.collection(countingClient());
        store.save(checkpoint("orders-sync", 1));
        updates.set(0);
        return store;
    }

    private MongoClient countingClient() {
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("update")) {
                    updates.incrementAndGet();
                    lastUpdate.set(event.getCommand().clone());
                }
            }
        };
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(target.connectionString())).addCommandListener(listener).build());
        clients.add(client);
        return client;
    }

    private static void failUpdates(Object mode, Document data) {
        target.client().getDatabase("admin").runCommand(new Document("configureFailPoint", "failCommand").append("mode", mode)
            .append("data", data.append("failCommands", List.of("update"))));
    }

    private static void failPointOff() {
        target.client().getDatabase("admin").runCommand(new Document("configureFailPoint", "failCommand").append("mode", "off"));
    }
}
