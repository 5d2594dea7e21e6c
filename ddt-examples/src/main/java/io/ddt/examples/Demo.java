package io.ddt.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;

import com.mongodb.CursorType;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;

import io.ddt.testkit.FakeCluster;
import io.ddt.testkit.Workload;
import io.ddt.testkit.WorkloadHandle;
import io.ddt.testkit.WorkloadStats;

/**
 * The README's first command. Until the transfer engine lands, it shows the ground it will
 * stand on: a fake MongoDB 7.0 replica set, a seeded workload writing to it, and the oplog that
 * ddt will replay, tailed live the way ddt's streamer will tail it.
 *
 * <p>Run with {@code --serve} to keep the cluster up (and print its connection string) until
 * Ctrl-C, for trying it with {@code mongosh} or your own code.
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        boolean serve = List.of(args).contains("--serve");
        PrintStream out = System.out;
        try (FakeCluster source = FakeCluster.builder().noopInterval(Duration.ofSeconds(1)).start()) {
            out.println("Fake replica set up: " + source.connectionString() + " (MongoDB " + source.serverVersion() + ")");
            BsonTimestamp start = source.lastOplogTimestamp();
            Workload workload = Workload.builder(source.client()).seed(42).namespaces("shop.orders", "shop.customers")
                .initialDocuments(200).operationsPerSecond(1_000).duration(Duration.ofSeconds(3)).build();
            Map<String, Integer> entries = new TreeMap<>();
            long tailed;
            try (WorkloadHandle running = workload.start()) {
                tailed = tail(source, start, entries, running, out);
            }
            WorkloadStats stats = workload.stats();
            out.printf("Workload: %d operations (%d duplicate-key inserts, %d errors)%n", stats.operations(),
                stats.duplicateKeyErrors(), stats.errors());
            out.printf("Oplog tailed live: %d entries by kind %s%n", tailed, entries);
            if (serve) {
                out.println("Serving " + source.connectionString() + " until Ctrl-C");
                Thread.currentThread().join();
            }
        }
    }

    private static long tail(FakeCluster source, BsonTimestamp start, Map<String, Integer> counts, WorkloadHandle running,
                             PrintStream out) {
        long seen = 0;
        long nextReport = System.nanoTime();
        try (MongoCursor<BsonDocument> cursor = source.client().getDatabase("local").getCollection("oplog.rs", BsonDocument.class)
            .find(Filters.gt("ts", start)).cursorType(CursorType.TailableAwait).maxAwaitTime(200, TimeUnit.MILLISECONDS).iterator()) {
            long quietSince = System.nanoTime();
            while (running.isRunning() || System.nanoTime() - quietSince < TimeUnit.MILLISECONDS.toNanos(500)) {
                BsonDocument entry = cursor.tryNext();
                if (entry == null) {
                    continue;
                }
                quietSince = System.nanoTime();
                seen++;
                counts.merge(kind(entry), 1, Integer::sum);
                if (System.nanoTime() >= nextReport) {
                    out.printf("  tailing: %,d entries, newest %s on %s%n", seen, entry.getTimestamp("ts").getValue() >>> 32,
                        entry.getString("ns").getValue());
                    nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                }
            }
        }
        return seen;
    }

    private static String kind(BsonDocument entry) {
        String op = entry.getString("op").getValue();
        if (op.equals("u")) {
            return entry.getDocument("o").containsKey("$v") ? "update-diff" : "replace";
        }
        if (op.equals("c")) {
            return "command:" + new ArrayList<>(entry.getDocument("o").keySet()).get(0);
        }
        return Map.of("i", "insert", "d", "delete", "n", "noop").getOrDefault(op, op);
    }
}
