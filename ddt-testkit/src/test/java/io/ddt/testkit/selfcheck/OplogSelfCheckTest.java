package io.ddt.testkit.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Sorts;

import io.ddt.testkit.FakeCluster;
import io.ddt.testkit.Workload;
import io.ddt.testkit.WorkloadOperation;
import io.ddt.testkit.WorkloadStats;

/**
 * The fake cluster's oplog is complete and exact: a seeded workload of 50,000 operations of every
 * kind, with renames, transactions, index builds and drops between its phases, leaves an oplog
 * from which an independent applier, starting from nothing, rebuilds every collection byte for
 * byte. Set {@code -Dddt.selfcheck.seed=N} to replay a failing seed. Takes about 20 s on 2 cores.
 */
@Tag("slow")
class OplogSelfCheckTest {

    private static final Logger LOG = LoggerFactory.getLogger(OplogSelfCheckTest.class);
    private static final long SEED = Long.getLong("ddt.selfcheck.seed", 20_250_611L);
    private static final int PHASES = 5;
    private static final int OPERATIONS_PER_PHASE = 10_000;
    private static final int BATCH = 2_000;

    /** A replay and its comparison with the cluster. */
    private record Check(OplogReplayer replayer, ReplayComparison comparison) {
        boolean exact() {
            return comparison.matches() && replayer.anomalies().isEmpty() && replayer.openTransactions().isEmpty();
        }
    }

    @Test
    void fiftyThousandWorkloadOperationsRebuildEveryCollectionExactlyFromTheOplog() {
        try (FakeCluster cluster = FakeCluster.builder().oplogSizeBytes(2L << 30).transactionOperationsPerEntry(3).start()) {
            MongoClient client = cluster.client();
            long start = System.nanoTime();
            WorkloadStats stats = runWorkload(client);
            long written = System.nanoTime();
            List<RawBsonDocument> oplog = readOplog(client);
            LOG.info("self-check seed {}: {} operations in {} ms ({} ops/s); {} oplog entries read in {} ms",
                SEED, stats.operations(), millis(start, written), stats.operations() * 1000 / Math.max(1, millis(start, written)),
                oplog.size(), millis(written, System.nanoTime()));

            assertThat(stats.operations()).isEqualTo((long) PHASES * OPERATIONS_PER_PHASE);
            assertThat(stats.errors()).as("workload errors other than duplicate keys: %s", stats.firstErrors()).isZero();
            assertThat(OplogCensus.of(oplog)).as("kinds of entry in the oplog").containsAll(OplogCensus.EXPECTED);
            Check check = check(client, oplog);
            assertThat(check.exact()).as("the oplog rebuilds every collection exactly:%n%s", report(check, oplog)).isTrue();
            assertThat(check.replayer().namespaces()).contains(DdlInterludes.ORDERS, DdlInterludes.CUSTOMERS,
                DdlInterludes.ITEMS, DdlInterludes.CAPPED, "archive.published_old");
            assertThat(check.comparison().documentsCompared()).isGreaterThan(10_000);
        }
    }

    private static Check check(MongoClient client, List<RawBsonDocument> oplog) {
        long start = System.nanoTime();
        OplogReplayer replayer = new OplogReplayer();
        oplog.forEach(replayer::apply);
        long replayed = System.nanoTime();
        ReplayComparison comparison = ReplayComparison.compare(client, replayer, BATCH);
        LOG.info("self-check seed {}: replayed in {} ms; {} documents in {} namespaces compared in {} ms",
            SEED, millis(start, replayed), comparison.documentsCompared(), replayer.namespaces().size(),
            millis(replayed, System.nanoTime()));
        return new Check(replayer, comparison);
    }

    private static String report(Check check, List<RawBsonDocument> oplog) {
        return ReplayReport.describe("seed " + SEED + " (rerun with -Dddt.selfcheck.seed=" + SEED + ")",
            check.comparison(), check.replayer(), oplog);
    }

    private static WorkloadStats runWorkload(MongoClient client) {
        DdlInterludes.prepare(client);
        Workload workload = Workload.builder(client).name("selfcheck").seed(SEED)
            .namespaces(DdlInterludes.ORDERS, DdlInterludes.CUSTOMERS, DdlInterludes.ITEMS, DdlInterludes.CAPPED)
            .idKind(Workload.IdKind.MIXED).initialDocuments(50).unlimitedRate().maxOperations(OPERATIONS_PER_PHASE)
            .historyLimit(0).weight(WorkloadOperation.UPDATE_PIPELINE, 3).build();
        DdlInterludes interludes = new DdlInterludes(client, workload);
        WorkloadStats stats = null;
        for (int phase = 0; phase < PHASES; phase++) {
            stats = workload.run();
            interludes.afterPhase(phase);
        }
        return stats;
    }

    private static List<RawBsonDocument> readOplog(MongoClient client) {
        return client.getDatabase("local").getCollection("oplog.rs", RawBsonDocument.class)
            .find().sort(Sorts.ascending("$natural")).batchSize(BATCH).into(new ArrayList<>());
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
