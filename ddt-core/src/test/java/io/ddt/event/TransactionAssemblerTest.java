package io.ddt.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.Test;

import io.ddt.PartialTransactionException;
import io.ddt.Position;
import io.ddt.UnreadableEventException;

/** How {@link TransactionAssembler} joins the transactions MongoDB writes in several entries. */
class TransactionAssemblerTest {

    private final TransactionAssembler assembler = new TransactionAssembler();

    @Test
    void aPartialTxnChainCommitsAsOneTransactionAtItsLastEntry() {
        List<BsonDocument> chain = OplogCases.entries(OplogCases.named("txn.fixture.4.2.unprepared-partialTxn-chain"));

        assertThat(assembler.accept(chain.get(0))).isEmpty();
        assertThat(assembler.accept(chain.get(1))).isEmpty();
        assertThat(assembler.oldestPending()).contains(Position.of(new BsonTimestamp(1515616500, 1)));
        Transaction transaction = (Transaction) assembler.accept(chain.get(2)).orElseThrow();

        assertThat(transaction.events()).hasSize(6).allMatch(e -> e instanceof Insert);
        assertThat(transaction.events()).extracting(e -> ((Insert) e).id().asInt32().getValue()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(transaction.position()).isEqualTo(Position.of(new BsonTimestamp(1515616500, 3)));
        assertThat(transaction.transactionId().txnNumber()).isEqualTo(1);
        assertThat(assembler.oldestPending()).isEmpty();
    }

    @Test
    void aPreparedTransactionCommitsAtItsCommitEntryAndAnAbortedOneAppliesNothing() {
        List<BsonDocument> committed = OplogCases.entries(OplogCases.named("txn.fixture.4.2.partialTxn-prepare-commit"));
        List<BsonDocument> aborted = OplogCases.entries(OplogCases.named("txn.fixture.4.2.partialTxn-prepare-abort"));

        List<ChangeEvent> events = feed(interleave(committed, aborted));

        assertThat(events).hasSize(2);
        Transaction transaction = (Transaction) events.stream().filter(e -> e instanceof Transaction).findFirst().orElseThrow();
        assertThat(transaction.events()).hasSize(10);
        assertThat(transaction.position().clusterTime()).isEqualTo(committed.get(3).getTimestamp("ts"));
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(Noop.class,
            noop -> assertThat(noop.reason()).isEqualTo("abortTransaction")));
        assertThat(assembler.pendingCount()).isZero();
    }

    @Test
    void interleavedTransactionsAreToldApartBySession() {
        List<BsonDocument> first = OplogCases.entries(OplogCases.named("txn.fixture.4.2.unprepared-partialTxn-chain"));
        List<BsonDocument> second = OplogCases.entries(OplogCases.named("txn.fixture.4.2.partialTxn-prepare-commit"));

        assembler.accept(first.get(0));
        assembler.accept(second.get(0));
        assembler.accept(second.get(1));

        assertThat(assembler.pendingCount()).isEqualTo(2);
        assertThat(assembler.accept(first.get(1))).isEmpty();
        assertThat(assembler.accept(first.get(2))).get().isInstanceOfSatisfying(Transaction.class,
            t -> assertThat(t.events()).hasSize(6));
        assertThat(assembler.pendingCount()).isEqualTo(1);
        assertThat(assembler.oldestPending()).contains(Position.of(second.get(0).getTimestamp("ts")));
    }

    @Test
    void otherEntriesPassThroughAsFromOplogReadsThem() {
        BsonDocument insert = OplogCases.entry("insert.capture.4.2.layout");
        BsonDocument single = OplogCases.entry("txn.capture.4.2.single-applyOps-commit");

        assertThat(assembler.accept(insert)).contains(ChangeEvents.fromOplog(insert));
        assertThat(assembler.accept(single)).contains(ChangeEvents.fromOplog(single));
    }

    @Test
    void aCommitWhosePrepareWasNotReadSaysTheStreamStartedInside() {
        List<BsonDocument> prepared = OplogCases.entries(OplogCases.named("txn.fixture.4.2.prepared-committed"));

        assertThatThrownBy(() -> assembler.accept(prepared.get(1)))
            .isExactlyInstanceOf(PartialTransactionException.class)
            .hasMessage("The oplog entry at Timestamp(1515616500, 20) (op 'c', ns 'admin.$cmd') commits a prepared"
                + " transaction whose earlier parts were not read (its previous part is at Timestamp(1515616500, 1)):"
                + " the stream started inside the transaction. Start it before the transaction's first entry.");
    }

    @Test
    void aChainPartOrEndWhoseStartWasNotReadSaysTheStreamStartedInside() {
        List<BsonDocument> chain = OplogCases.entries(OplogCases.named("txn.fixture.4.2.unprepared-partialTxn-chain"));

        assertThatThrownBy(() -> assembler.accept(chain.get(1))).isInstanceOf(PartialTransactionException.class)
            .hasMessageContaining("continues a transaction whose earlier parts were not read");
        assertThatThrownBy(() -> assembler.accept(chain.get(2))).isInstanceOf(PartialTransactionException.class)
            .hasMessageContaining("ends a transaction whose earlier parts were not read");
        assertThat(assembler.pendingCount()).isZero();
    }

    @Test
    void aCountThatDisagreesWithThePartsIsUnreadableAndLeavesTheStateAlone() {
        List<BsonDocument> chain = OplogCases.entries(OplogCases.named("txn.fixture.4.2.unprepared-partialTxn-chain"));
        BsonDocument badEnd = chain.get(2).clone();
        badEnd.getDocument("o").put("count", new org.bson.BsonInt32(7));

        assembler.accept(chain.get(0));
        assembler.accept(chain.get(1));

        assertThatThrownBy(() -> assembler.accept(badEnd)).isExactlyInstanceOf(UnreadableEventException.class)
            .hasMessageContaining("count says the transaction has 7 operations, but its parts hold 6");
        assertThat(assembler.pendingCount()).isEqualTo(1);
        assertThat(assembler.accept(chain.get(2))).get().isInstanceOf(Transaction.class);
    }

    @Test
    void aChainWhoseLastPartCannotBeReadStaysPending() {
        List<BsonDocument> chain = OplogCases.entries(OplogCases.named("txn.fixture.4.2.unprepared-partialTxn-chain"));
        BsonDocument badEnd = chain.get(2).clone();
        badEnd.getDocument("o").getArray("applyOps").set(0, BsonDocument.parse("{op: 'u', ns: 'txntest.d', o: {$set: {x: 1}}}"));

        assembler.accept(chain.get(0));
        assembler.accept(chain.get(1));

        assertThatThrownBy(() -> assembler.accept(badEnd)).isExactlyInstanceOf(UnreadableEventException.class)
            .hasMessageContaining("Timestamp(1515616500, 3) (op 'c', ns 'admin.$cmd'): operation 1 of part 3 of 3 of the transaction (op 'u', ns 'txntest.d')");
        assertThat(assembler.pendingCount()).isEqualTo(1);
    }

    @Test
    void theSharded2pcCaptureYieldsTheCoordinatorWritesAndTheTransaction() {
        List<ChangeEvent> events = feed(OplogCases.entries(OplogCases.named("txn.capture.4.2.sharded-2pc-prepare-commit")));

        assertThat(events).hasExactlyElementsOfTypes(Insert.class, Replace.class, Transaction.class, Delete.class);
        assertThat(assembler.toString()).isEqualTo("TransactionAssembler[0 unfinished transactions, 0 operations]");
    }

    private List<ChangeEvent> feed(List<BsonDocument> entries) {
        List<ChangeEvent> events = new ArrayList<>();
        for (BsonDocument entry : entries) {
            Optional<ChangeEvent> event = assembler.accept(entry);
            event.ifPresent(events::add);
        }
        return events;
    }

    private static List<BsonDocument> interleave(List<BsonDocument> a, List<BsonDocument> b) {
        List<BsonDocument> mixed = new ArrayList<>();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i < a.size()) {
                mixed.add(a.get(i));
            }
            if (i < b.size()) {
                mixed.add(b.get(i));
            }
        }
        return mixed;
    }
}
