package io.ddt.testkit.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.junit.jupiter.api.Test;


/** What the in-memory applier makes of each kind of oplog entry. */
class OplogReplayerTest {

    private static final String UI = "ui: {$binary: {base64: 'AAAAAAAAAAAAAAAAAAAAAQ==', subType: '04'}}";
    private static final String UI2 = "ui: {$binary: {base64: 'AAAAAAAAAAAAAAAAAAAAAg==', subType: '04'}}";
    private static final String TXN = "lsid: {id: {$binary: {base64: 'AAAAAAAAAAAAAAAAAAAAAw==', subType: '04'}}}, txnNumber: {$numberLong: '4'}";

    private final OplogReplayer replayer = new OplogReplayer();

    @Test
    void int32AndInt64IdsOfTheSameValueAreDifferentDocuments() {
        apply("{ts: ts(1), op: 'c', ns: 'd.$cmd', " + UI + ", o: {create: 'c'}}");
        apply("{ts: ts(2), op: 'i', ns: 'd.c', " + UI + ", o: {_id: 1, x: 'int'}, o2: {_id: 1}}");
        apply("{ts: ts(3), op: 'i', ns: 'd.c', " + UI + ", o: {_id: {$numberLong: '1'}, x: 'long'}}");
        apply("{ts: ts(4), op: 'd', ns: 'd.c', " + UI + ", o: {_id: 1}}");

        assertThat(replayer.documents("d.c")).containsOnlyKeys(IdKey.of(new BsonInt64(1)));
        assertThat(replayer.documents("d.c").get(IdKey.of(new BsonInt64(1))).getString("x").getValue()).isEqualTo("long");
        assertThat(replayer.anomalies()).isEmpty();
    }

    @Test
    void updatesApplyV2DiffsAndStoreReplacementsWithIdFirst() {
        apply("{ts: ts(1), op: 'c', ns: 'd.$cmd', " + UI + ", o: {create: 'c'}}");
        apply("{ts: ts(2), op: 'i', ns: 'd.c', " + UI + ", o: {_id: 1, a: 1, arr: [1, 2, 3]}}");
        apply("{ts: ts(3), op: 'u', ns: 'd.c', " + UI + ", o: {$v: 2, diff: {u: {a: 2}, i: {z: 'new'}, sarr: {a: true, l: 2}}}, o2: {_id: 1}}");
        assertThat(document("d.c", 1)).isEqualTo("{\"_id\": 1, \"a\": 2, \"arr\": [1, 2], \"z\": \"new\"}");

        apply("{ts: ts(4), op: 'u', ns: 'd.c', " + UI + ", o: {b: 20, _id: 1, a: 10}, o2: {_id: 1}}");
        assertThat(document("d.c", 1)).isEqualTo("{\"_id\": 1, \"b\": 20, \"a\": 10}");
        assertThat(replayer.anomalies()).isEmpty();
    }

    @Test
    void partialTxnChainIsAppliedWhenItsLastEntryArrives() {
        apply("{ts: ts(1), op: 'c', ns: 'd.$cmd', " + UI + ", o: {create: 'c'}}");
        apply("{" + TXN + ", ts: ts(2), op: 'c', ns: 'admin.$cmd', o: {applyOps: ["
            + "{op: 'i', ns: 'd.c', " + UI + ", o: {_id: 1}}, {op: 'i', ns: 'd.c', " + UI + ", o: {_id: 2}}], partialTxn: true}}");
        assertThat(replayer.documents("d.c")).isEmpty();
        assertThat(replayer.openTransactions()).hasSize(1);

        apply("{" + TXN + ", ts: ts(3), op: 'c', ns: 'admin.$cmd', o: {applyOps: ["
            + "{op: 'd', ns: 'd.c', " + UI + ", o: {_id: 1}}], count: 3}}");

        assertThat(replayer.documents("d.c")).containsOnlyKeys(IdKey.of(new BsonInt32(2)));
        assertThat(replayer.openTransactions()).isEmpty();
        assertThat(replayer.anomalies()).isEmpty();
    }

    @Test
    void chainWhoseCountDisagreesFailsNamingTheEntry() {
        apply("{ts: ts(1), op: 'c', ns: 'd.$cmd', o: {create: 'c'}}");
        apply("{" + TXN + ", ts: ts(2), op: 'c', ns: 'admin.$cmd', o: {applyOps: [{op: 'i', ns: 'd.c', o: {_id: 1}}], partialTxn: true}}");

        assertThatThrownBy(() -> apply("{" + TXN + ", ts: ts(3), op: 'c', ns: 'admin.$cmd', o: {applyOps: [{op: 'i', ns: 'd.c', o: {_id: 2}}], count: 5}}"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("ts Timestamp(3, 1), op c, ns admin.$cmd").hasMessageContaining("count");
    }

    @Test
    void preparedTransactionAppliesOnCommitAndVanishesOnAbort() {
        apply("{ts: ts(1), op: 'c', ns: 'd.$cmd', o: {create: 'c'}}");
        apply("{" + TXN + ", ts: ts(2), op: 'c', ns: 'admin.$cmd', o: {applyOps: [{op: 'i', ns: 'd.c', o: {_id: 1}}], prepare: true}}");
        apply("{" + TXN + ", ts: ts(3), op: 'c', ns: 'admin.$cmd', o: {commitTransaction: 1, commitTimestamp: ts(2)}}");
        String other = TXN.replace("'4'", "'5'");
        apply("{" + other + ", ts: ts(4), op: 'c', ns: 'admin.$cmd', o: {applyOps: [{op: 'i', ns: 'd.c', o: {_id: 2}}], prepare: true}}");
        apply("{" + other + ", ts: ts(5), op: 'c', ns: 'admin.$cmd', o: {abortTransaction: 1}}");

        assertThat(replayer.documents("d.c")).containsOnlyKeys(IdKey.of(new BsonInt32(1)));
        assertThat(replayer.openTransactions()).isEmpty();
    }

    @Test
    void nestedApplyOpsAreApplied() {
        apply("{ts: ts(1), op: 'c', ns: 'd.$cmd', o: {create: 'c'}}");
        apply("{ts: ts(2), op: 'c', ns: 'admin.$cmd', o: {applyOps: [{op: 'c', ns: 'admin.$cmd', o: {applyOps: ["
            + "{op: 'i', ns: 'd.c', o: {_id: 1}}]}}, {op: 'i', ns: 'd.c', o: {_id: 2}}]}}");

        assertThat(replayer.documents("d.c")).hasSize(2);
    }

    @Test
    void renameAcrossDatabasesWithDropTargetReplacesTheTarget() {
        apply("{ts: ts(1), op: 'c', ns: 'a.$cmd', " + UI + ", o: {create: 'src'}}");
        apply("{ts: ts(2), op: 'i', ns: 'a.src', " + UI + ", o: {_id: 'moved'}}");
        apply("{ts: ts(3), op: 'c', ns: 'b.$cmd', " + UI2 + ", o: {create: 'dst'}}");
        apply("{ts: ts(4), op: 'i', ns: 'b.dst', " + UI2 + ", o: {_id: 'dropped'}}");
        apply("{ts: ts(5), op: 'c', ns: 'a.$cmd', " + UI + ", o: {renameCollection: 'a.src', to: 'b.dst', stayTemp: false, "
            + UI2.replace("ui:", "dropTarget:") + "}}");
        apply("{ts: ts(6), op: 'u', ns: 'b.dst', " + UI + ", o: {$v: 2, diff: {i: {x: 1}}}, o2: {_id: 'moved'}}");

        assertThat(replayer.namespaces()).containsExactly("b.dst");
        assertThat(replayer.documents("b.dst").values()).extracting(BsonDocument::toJson).containsExactly("{\"_id\": \"moved\", \"x\": 1}");
        assertThat(replayer.anomalies()).isEmpty();
    }

    @Test
    void historyThatDoesNotFitIsRecordedAsAnomalies() {
        apply("{ts: ts(1), op: 'c', ns: 'd.$cmd', " + UI + ", o: {create: 'c'}}");
        apply("{ts: ts(2), op: 'c', ns: 'd.$cmd', " + UI2 + ", o: {create: 'other'}}");
        apply("{ts: ts(3), op: 'u', ns: 'd.c', " + UI + ", o: {$v: 2, diff: {u: {a: 1}}}, o2: {_id: 9}}");
        apply("{ts: ts(4), op: 'i', ns: 'd.c', " + UI2 + ", o: {_id: 1}}");
        apply("{ts: ts(5), op: 'i', ns: 'd.nocreate', o: {_id: 1}}");
        apply("{ts: ts(6), op: 'c', ns: 'd.$cmd', o: {renameCollection: 'd.c', to: 'd.other', stayTemp: false}}");
        apply("{ts: ts(7), op: 'c', ns: 'd.$cmd', o: {dropDatabase: 1}}");

        assertThat(replayer.anomalies()).satisfiesExactly(
            line -> assertThat(line).contains("ts Timestamp(3, 1), op u, ns d.c: update of a missing document"),
            line -> assertThat(line).contains("ts Timestamp(4, 1)").contains("is not the collection's"),
            line -> assertThat(line).contains("ns d.nocreate: write to a collection that no create entry made"),
            line -> assertThat(line).contains("without dropTarget"),
            line -> assertThat(line).contains("dropDatabase found namespaces that no drop entry removed: [d.nocreate, d.other]"));
        assertThat(replayer.namespaces()).isEmpty();
    }

    @Test
    void entriesOutOfTimestampOrderAreAnomalies() {
        apply("{ts: ts(2), op: 'c', ns: 'd.$cmd', o: {create: 'c'}}");
        apply("{ts: ts(2), op: 'i', ns: 'd.c', o: {_id: 1}}");

        assertThat(replayer.anomalies()).containsExactly(
            "ts Timestamp(2, 1), op i, ns d.c: ts is not after the previous entry's, Timestamp(2, 1)");
    }

    @Test
    void indexAndCollModCommandsChangeNoDocument() {
        apply("{ts: ts(1), op: 'c', ns: 'd.$cmd', o: {create: 'c'}}");
        apply("{ts: ts(2), op: 'c', ns: 'd.$cmd', o: {createIndexes: 'c', v: 2, key: {a: 1}, name: 'a_1'}}");
        apply("{ts: ts(3), op: 'c', ns: 'd.$cmd', o: {collMod: 'c', validator: {}}}");
        apply("{ts: ts(4), op: 'c', ns: 'd.$cmd', o: {create: 'v', viewOn: 'c', pipeline: []}}");
        apply("{ts: ts(5), op: 'n', ns: '', o: {msg: 'periodic noop'}}");

        assertThat(replayer.namespaces()).containsExactly("d.c");
        assertThat(replayer.views()).containsExactly("d.v");
        assertThat(replayer.anomalies()).isEmpty();
        assertThat(replayer.entriesApplied()).isEqualTo(5);
    }

    @Test
    void shapesItDoesNotUnderstandFailNamingTsOpAndNs() {
        apply("{ts: ts(1), op: 'c', ns: 'd.$cmd', o: {create: 'c'}}");
        apply("{ts: ts(2), op: 'i', ns: 'd.c', o: {_id: 1}}");

        assertThatThrownBy(() -> apply("{ts: ts(3), op: 'u', ns: 'd.c', o: {$set: {a: 1}}, o2: {_id: 1}}"))
            .hasMessageContaining("ts Timestamp(3, 1), op u, ns d.c").hasMessageContaining("$v:1");
        assertThatThrownBy(() -> apply("{ts: ts(4), op: 'c', ns: 'd.$cmd', o: {convertToCapped: 'c', size: 1}}"))
            .hasMessageContaining("ts Timestamp(4, 1), op c, ns d.$cmd").hasMessageContaining("unknown command convertToCapped");
        assertThatThrownBy(() -> apply("{ts: ts(5), op: 'x', ns: 'd.c', o: {}}"))
            .hasMessageContaining("ts Timestamp(5, 1), op x, ns d.c: unknown op");
        assertThatThrownBy(() -> apply("{ts: ts(6), op: 'i', ns: 'd.c'}"))
            .hasMessageContaining("ts Timestamp(6, 1), op i, ns d.c");
        assertThatThrownBy(() -> apply("{ts: ts(7), op: 'c', ns: 'admin.$cmd', o: {applyOps: [{op: 'i', ns: 'd.c', o: {a: 1}}]}}"))
            .hasMessageContaining("ts Timestamp(7, 1), op i, ns d.c (inside applyOps)");
    }

    private void apply(String json) {
        replayer.apply(entry(json));
    }

    private String document(String namespace, int id) {
        return replayer.documents(namespace).get(IdKey.of(new BsonInt32(id))).toJson();
    }

    /** Parses an entry written with {@code ts(n)} for the timestamp {@code (n, 1)}. */
    static BsonDocument entry(String json) {
        return BsonDocument.parse(json.replaceAll("ts\\((\\d+)\\)", "{\\$timestamp: {t: $1, i: 1}}"));
    }
}
