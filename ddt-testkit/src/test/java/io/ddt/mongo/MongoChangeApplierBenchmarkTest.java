package io.ddt.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;

import io.ddt.ApplySettings;
import io.ddt.Namespace;
import io.ddt.event.ChangeEvent;
import io.ddt.event.DocumentChange;
import io.ddt.internal.apply.DocumentWrites;
import io.ddt.spi.EventBatch;
import io.ddt.testkit.Cluster;
import io.ddt.testkit.Clusters;
import io.ddt.testkit.FakeCluster;

/**
 * Events per second applying 200,000 mixed events (60% updates, 20% inserts, 20% deletes over
 * five collections) to a fake target in this JVM, with 1, 4 and 8 workers, beside one write per
 * event in one thread and the target's own rate for the same writes as unordered bulk writes
 * built in advance (grouped per collection and 1,000 events, so not in a correct order: a rate
 * only), with the commands each sent. Run with {@code -Dddt.bench=true}; figures go to the
 * test's output file. Also {@code -Dddt.bench.events=N} and {@code -Dddt.bench.rounds=N}.
 */
@Clusters
@Tag("slow")
@EnabledIfSystemProperty(named = "ddt.bench", matches = "true")
class MongoChangeApplierBenchmarkTest {

    static final int EVENTS = Integer.getInteger("ddt.bench.events", 200_000);
    static final int SEEDED = 4_000;
    static final int BATCH = 1_000;
    static final int ROUNDS = Integer.getInteger("ddt.bench.rounds", 2);

    @Cluster
    FakeCluster target;

    final ChangeScript script = new ChangeScript();
    final AtomicLong commands = new AtomicLong();

    static Namespace collection(int c) {
        return Namespace.of("bench", "c" + c);
    }

    static BsonDocument document(int id, int version, Random random) {
        return new BsonDocument("_id", new BsonInt32(id)).append("v", new BsonInt32(version))
            .append("name", new BsonString("name-" + random.nextInt(1_000_000)))
            .append("text", new BsonString("t".repeat(100 + random.nextInt(100))));
    }

    List<ChangeEvent> mixedEvents(long seed) {
        Random random = new Random(seed);
        List<List<Integer>> live = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < SEEDED; i++) {
                ids.add(i);
            }
            live.add(ids);
        }
        int nextId = SEEDED;
        List<ChangeEvent> events = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            int c = random.nextInt(5);
            List<Integer> ids = live.get(c);
            int kind = random.nextInt(10);
            if (kind < 2 || ids.isEmpty()) {
                ids.add(nextId);
                events.add(script.insert(collection(c), document(nextId++, i, random)));
            } else if (kind < 4) {
                int id = ids.remove(random.nextInt(ids.size()));
                events.add(script.delete(collection(c), new BsonInt32(id)));
            } else {
                int id = ids.get(random.nextInt(ids.size()));
                events.add(script.set(collection(c), new BsonInt32(id),
                    new BsonDocument("v", new BsonInt32(i)).append("name", new BsonString("n" + i))));
            }
        }
        return events;
    }

    void seed() {
        Random random = new Random(1);
        for (int c = 0; c < 5; c++) {
            MongoCollection<BsonDocument> coll = target(collection(c));
            coll.drop();
            List<BsonDocument> docs = new ArrayList<>();
            for (int i = 0; i < SEEDED; i++) {
                docs.add(document(i, 0, random));
            }
            coll.insertMany(docs);
        }
    }

    MongoCollection<BsonDocument> target(Namespace ns) {
        return collection(target.client(), ns);
    }

    static MongoCollection<BsonDocument> collection(MongoClient client, Namespace ns) {
        return client.getDatabase(ns.database()).getCollection(ns.collection(), BsonDocument.class);
    }

    long counts() {
        long total = 0;
        for (int c = 0; c < 5; c++) {
            total += target(collection(c)).countDocuments();
        }
        return total;
    }

    /** A client of the target that counts the commands it sends. */
    MongoClient countingClient() {
        return MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(target.connectionString()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    commands.incrementAndGet();
                }
            }).build());
    }

    double applier(List<EventBatch> batches, int threads) throws InterruptedException {
        seed();
        commands.set(0);
        long start = System.nanoTime();
        try (MongoClient client = countingClient(); MongoChangeApplier applier = MongoChangeApplier.builder(client)
            .settings(ApplySettings.builder().jobName("bench" + threads).threads(threads).build()).build()) {
            for (EventBatch batch : batches) {
                applier.apply(batch);
            }
            applier.flush();
            assertThat(applier.eventsApplied()).isEqualTo(batches.stream().mapToLong(b -> b.events().size()).sum());
        }
        return EVENTS / ((System.nanoTime() - start) / 1e9);
    }

    double oneWritePerEvent(List<ChangeEvent> events) {
        seed();
        commands.set(0);
        long start = System.nanoTime();
        try (MongoClient client = countingClient()) {
            for (ChangeEvent event : events) {
                DocumentChange change = (DocumentChange) event;
                collection(client, change.namespace()).bulkWrite(List.of(DocumentWrites.of(change)));
            }
        }
        return EVENTS / ((System.nanoTime() - start) / 1e9);
    }

    double bulkBuiltInAdvance(List<ChangeEvent> events) {
        seed();
        List<Map.Entry<Namespace, List<WriteModel<BsonDocument>>>> bulks = new ArrayList<>();
        for (int i = 0; i < events.size(); i += BATCH) {
            Map<Namespace, List<WriteModel<BsonDocument>>> byNs = new LinkedHashMap<>();
            for (ChangeEvent event : events.subList(i, Math.min(events.size(), i + BATCH))) {
                DocumentChange change = (DocumentChange) event;
                byNs.computeIfAbsent(change.namespace(), ns -> new ArrayList<>()).add(DocumentWrites.of(change));
            }
            bulks.addAll(byNs.entrySet());
        }
        commands.set(0);
        long start = System.nanoTime();
        try (MongoClient client = countingClient()) {
            for (Map.Entry<Namespace, List<WriteModel<BsonDocument>>> bulk : bulks) {
                collection(client, bulk.getKey()).bulkWrite(bulk.getValue(), new BulkWriteOptions().ordered(false));
            }
        }
        return EVENTS / ((System.nanoTime() - start) / 1e9);
    }

    @Test
    void appliesMixedEventsWithOneFourAndEightWorkers() throws InterruptedException {
        List<ChangeEvent> events = mixedEvents(42);
        List<EventBatch> batches = script.batches(events, BATCH);
        applier(batches.subList(0, 20), 4);
        report("one write per event, 1 thread (a)", oneWritePerEvent(events));
        long expected = counts();
        report("unordered bulk writes built in advance, 1 thread (b)", bulkBuiltInAdvance(events));
        for (int round = 0; round < ROUNDS; round++) {
            for (int threads : new int[] {1, 4, 8}) {
                report("MongoChangeApplier, " + threads + " workers", applier(batches, threads));
                assertThat(counts()).isEqualTo(expected);
            }
        }
    }

    void report(String what, double rate) {
        System.out.printf("%-55s %,8.0f events/s, %,7d commands%n", what, rate, commands.getAndSet(0));
    }
}
