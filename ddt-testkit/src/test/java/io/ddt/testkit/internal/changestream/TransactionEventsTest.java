package io.ddt.testkit.internal.changestream;

import static io.ddt.testkit.internal.changestream.DdlEventsTest.types;
import static io.ddt.testkit.internal.changestream.Entries.op;
import static io.ddt.testkit.internal.changestream.Entries.ts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.junit.jupiter.api.Test;

class TransactionEventsTest {

    private static final ChangeStreamOptions ORDERS = ChangeStreamOptions.collection("shop", "orders");

    @Test
    void loneApplyOpsGivesAnEventPerShownOpWithTheSessionFirst() {
        BsonDocument txn = Entries.applyOps(5, null, null,
                op(Entries.insert(0, "shop.orders", "{_id: 1}")),
                op(Entries.insert(0, "shop.other", "{_id: 2}")),
                op(Entries.update(0, "shop.orders", "{_id: 1}", "{u: {a: 1}}")));

        List<BsonDocument> events = new ChangeEventBuilder(ORDERS).eventsFor(txn);

        assertThat(types(events)).containsExactly("insert", "update");
        assertThat(events.get(0).keySet()).startsWith("txnNumber", "lsid", "_id", "operationType");
        assertThat(events.get(1).get("txnNumber")).isEqualTo(new BsonInt64(7));
        assertThat(events.get(1).getDocument("lsid")).isEqualTo(Entries.LSID);
        assertThat(events).allSatisfy(e -> assertThat(e.get("clusterTime")).isEqualTo(ts(5)));
        assertThat(events).allSatisfy(e -> assertThat(e.get("wallTime")).isEqualTo(Entries.wall(5)));
        ResumeTokenData second = ResumeToken.decode(events.get(1).getDocument("_id"));
        assertThat(second.txnOpIndex()).as("the skipped op still counts").isEqualTo(2);
        assertThat(second.indexInEntry()).isEqualTo(2);
        assertThat(ResumeToken.compare(events.get(0).getDocument("_id"), events.get(1).getDocument("_id")))
                .isNegative();
    }

    @Test
    void partialTxnChainBecomesVisibleOnlyWhenItCommits() {
        List<BsonDocument> chain = chain(10);
        ChangeEventStream stream = new ChangeEventStream(ORDERS, OplogLookup.none(), null);

        assertThat(stream.accept(chain.get(0))).isEmpty();
        assertThat(stream.accept(chain.get(1))).isEmpty();
        List<BsonDocument> events = stream.accept(chain.get(2));

        assertThat(events).extracting(e -> e.getDocument("documentKey").getInt32("_id").getValue())
                .containsExactly(1, 2, 3, 4);
        assertThat(events).allSatisfy(e -> assertThat(e.get("clusterTime")).isEqualTo(ts(12)));
        List<ResumeTokenData> tokens = events.stream().map(e -> ResumeToken.decode(e.getDocument("_id"))).toList();
        assertThat(tokens).extracting(ResumeTokenData::txnOpIndex).containsExactly(0, 1, 2, 3);
        assertThat(tokens).extracting(ResumeTokenData::entryTs).containsExactly(ts(10), ts(10), ts(11), ts(12));
        assertThat(tokens).extracting(ResumeTokenData::indexInEntry).containsExactly(0, 1, 0, 0);
    }

    @Test
    void preparedTransactionCommitsAtCommitTransaction() {
        BsonDocument first = Entries.applyOps(20, null, "partialTxn", op(Entries.insert(0, "shop.orders", "{_id: 1}")));
        BsonDocument prepare = Entries.applyOps(21, ts(20), "prepare", op(Entries.delete(0, "shop.orders", "{_id: 9}")));
        BsonDocument commit = Entries.txnCommand(25, ts(21), "{commitTransaction: 1, commitTimestamp: {$timestamp: {t: 1, i: 1}}}");
        TransactionAssembler assembler = new TransactionAssembler(OplogLookup.none());

        assertThat(assembler.accept(first)).isEmpty();
        assertThat(assembler.accept(prepare)).isEmpty();
        CommittedTransaction committed = assembler.accept(commit).orElseThrow();
        List<BsonDocument> events = new ChangeEventBuilder(ORDERS).eventsFor(committed);

        assertThat(committed.applyOpsEntries()).containsExactly(first, prepare);
        assertThat(types(events)).containsExactly("insert", "delete");
        assertThat(events).allSatisfy(e -> assertThat(e.get("clusterTime")).isEqualTo(ts(25)));
        assertThat(assembler.openTransactions()).isZero();
    }

    @Test
    void abortedTransactionShowsNothing() {
        TransactionAssembler assembler = new TransactionAssembler(OplogLookup.none());
        assembler.accept(Entries.applyOps(30, null, "prepare", op(Entries.insert(0, "shop.orders", "{_id: 1}"))));

        assertThat(assembler.accept(Entries.txnCommand(31, ts(30), "{abortTransaction: 1}"))).isEmpty();
        assertThat(assembler.openTransactions()).isZero();
    }

    @Test
    void chainBegunBeforeTheStreamIsReadBackThroughPrevOpTime() {
        List<BsonDocument> chain = chain(40);
        Map<Object, BsonDocument> oplog = new HashMap<>();
        chain.forEach(e -> oplog.put(e.get("ts"), e));
        TransactionAssembler assembler = new TransactionAssembler(ts -> Optional.ofNullable(oplog.get(ts)));

        CommittedTransaction committed = assembler.accept(chain.get(2)).orElseThrow();

        assertThat(committed.applyOpsEntries()).containsExactlyElementsOf(chain);
        assertThat(new TransactionAssembler(OplogLookup.none()).accept(chain.get(1))).isEmpty();
        assertThatThrownBy(() -> new TransactionAssembler(OplogLookup.none()).accept(chain.get(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs the entry at");
    }

    @Test
    void newerTransactionOnASessionDropsTheOlderOne() {
        TransactionAssembler assembler = new TransactionAssembler(OplogLookup.none());
        assembler.accept(Entries.applyOps(50, null, "partialTxn", op(Entries.insert(0, "shop.orders", "{_id: 1}"))));
        BsonDocument newer = Entries.applyOps(51, null, "partialTxn", op(Entries.insert(0, "shop.orders", "{_id: 2}")));
        newer.put("txnNumber", new BsonInt64(8));
        assembler.accept(newer);
        BsonDocument commit = Entries.applyOps(52, ts(51), null, op(Entries.insert(0, "shop.orders", "{_id: 3}")));
        commit.put("txnNumber", new BsonInt64(8));

        assertThat(assembler.accept(commit).orElseThrow().applyOpsEntries()).containsExactly(newer, commit);
    }

    @Test
    void batchedWritesCarryNoSession() {
        BsonDocument batched = Entries.applyOps(60, null, null, op(Entries.delete(0, "shop.orders", "{_id: 1}")));
        batched.remove("lsid");
        batched.remove("txnNumber");
        batched.remove("prevOpTime");
        BsonDocument retryable = Entries.applyOps(61, null, null, op(Entries.delete(0, "shop.orders", "{_id: 2}")));
        retryable.append("multiOpType", new BsonInt32(1));

        assertThat(new ChangeEventBuilder(ORDERS).eventsFor(batched).get(0)).doesNotContainKeys("lsid", "txnNumber");
        assertThat(TransactionAssembler.isChainPart(retryable)).isFalse();
        assertThat(new ChangeEventBuilder(ORDERS).eventsFor(retryable).get(0)).doesNotContainKeys("lsid", "txnNumber");
    }

    @Test
    void fixtureTransactionsShowEveryCommittedOpAndNoAbortedOne() {
        Map<String, Integer> expected = Map.of(
                "txn.fixture.4.2.unprepared-partialTxn-chain", -1,
                "txn.fixture.4.2.partialTxn-prepare-commit", 10,
                "txn.fixture.4.2.partialTxn-prepare-abort", 0,
                "txn.capture.4.2.single-applyOps-commit", 1,
                "txn.capture.4.2.sharded-2pc-prepare-commit", 3);
        expected.forEach((name, count) -> {
            List<BsonDocument> events = new ArrayList<>();
            ChangeEventStream stream = new ChangeEventStream(ChangeStreamOptions.cluster(), OplogLookup.none(), null);
            entries(Fixtures.named(name).get("entry")).forEach(e -> events.addAll(stream.accept(e)));
            int ops = count >= 0 ? count : countOps(Fixtures.named(name));
            assertThat(events).as(name).hasSize(ops);
            assertThat(events).as(name).allSatisfy(e -> assertThat(e).containsKey("lsid"));
        });
    }

    /** Three entries on shop.orders from {@code inc}: two partialTxn, then the commit. */
    private static List<BsonDocument> chain(int inc) {
        return List.of(
                Entries.applyOps(inc, null, "partialTxn", op(Entries.insert(0, "shop.orders", "{_id: 1}")),
                        op(Entries.insert(0, "shop.orders", "{_id: 2}"))),
                Entries.applyOps(inc + 1, ts(inc), "partialTxn", op(Entries.insert(0, "shop.orders", "{_id: 3}"))),
                Entries.applyOps(inc + 2, ts(inc + 1), null, op(Entries.insert(0, "shop.orders", "{_id: 4}"))));
    }

    private static List<BsonDocument> entries(org.bson.BsonValue entry) {
        return entry.isArray() ? entry.asArray().stream().map(v -> v.asDocument()).toList()
                : List.of(entry.asDocument());
    }

    private static int countOps(BsonDocument fixture) {
        return entries(fixture.get("entry")).stream()
                .filter(e -> e.getDocument("o").containsKey("applyOps"))
                .mapToInt(e -> e.getDocument("o").getArray("applyOps").size()).sum();
    }
}
