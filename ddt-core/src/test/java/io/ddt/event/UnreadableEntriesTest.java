package io.ddt.event;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.ddt.PartialTransactionException;
import io.ddt.UnreadableEventException;

/**
 * Entries the parsers cannot understand fail, never pass silently, with a message that names
 * the entry ({@code ts}, {@code op}, {@code ns}; or a change event's type, time and token) and
 * the problem, and never a document's value.
 */
class UnreadableEntriesTest {

    /** A value placed in every test document; no message may show it. */
    static final String MARKER = "SECRET-MARKER-4e1d";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown op           | {op: 'x', ns: 'test.coll', o: {_id: 1, v: 'SECRET-MARKER-4e1d'}}                 | its op is not one of",
        "update without key   | {op: 'u', ns: 'test.coll', o: {$set: {v: 'SECRET-MARKER-4e1d'}}}                 | neither 'o2' nor an _id",
        "$v:2 without diff    | {op: 'u', ns: 'test.coll', o: {$v: 2, v: 'SECRET-MARKER-4e1d'}, o2: {_id: 1}}    | 'o.diff' is missing",
        "diff not a document  | {op: 'u', ns: 'test.coll', o: {$v: 2, diff: 'SECRET-MARKER-4e1d'}, o2: {_id: 1}} | 'o.diff' is a STRING",
        "unknown diff section | {op: 'u', ns: 'test.coll', o: {$v: 2, diff: {q: {v: 'SECRET-MARKER-4e1d'}}}, o2: {_id: 1}} | section that is not i, u, d, b",
        "unknown $v           | {op: 'u', ns: 'test.coll', o: {$v: 3, $set: {v: 'SECRET-MARKER-4e1d'}}, o2: {_id: 1}} | $v is 3.0, not 1 or 2",
        "mixed modifiers      | {op: 'u', ns: 'test.coll', o: {$set: {a: 1}, v: 'SECRET-MARKER-4e1d'}, o2: {_id: 1}} | mixes operators",
        "o2 without _id       | {op: 'u', ns: 'test.coll', o: {$v: 2, diff: {}}, o2: {v: 'SECRET-MARKER-4e1d'}}  | 'o2' has no _id",
        "insert without _id   | {op: 'i', ns: 'test.coll', o: {v: 'SECRET-MARKER-4e1d'}}                         | neither 'o2' nor an _id",
        "delete without _id   | {op: 'd', ns: 'test.coll', o: {v: 'SECRET-MARKER-4e1d'}}                         | has no _id",
        "insert into a $cmd   | {op: 'i', ns: 'test.$cmd', o: {_id: 'SECRET-MARKER-4e1d'}}                       | 'ns' is not a collection namespace",
        "unknown command      | {op: 'c', ns: 'test.$cmd', o: {frobnicate: 'coll', v: 'SECRET-MARKER-4e1d'}}     | not one that MongoDB 4.2 to 8.0 writes",
        "emptycapped          | {op: 'c', ns: 'test.$cmd', o: {emptycapped: 'coll'}}                             | does not support it",
        "o of the wrong type  | {op: 'i', ns: 'test.coll', o: 'SECRET-MARKER-4e1d'}                              | 'o' is STRING, not a document",
        "bad inner operation  | {op: 'c', ns: 'admin.$cmd', o: {applyOps: [{op: 'i', ns: 'a.b', o: {_id: 1}}, {op: 'u', ns: 'a.b', o: {$set: {v: 'SECRET-MARKER-4e1d'}}}]}} | operation 2 of its applyOps (op 'u', ns 'a.b'): the update has neither",
    })
    void anOplogEntryItCannotUnderstandFailsNamingTsOpAndNs(String what, String json, String problem) {
        BsonDocument entry = BsonDocument.parse(json).append("ts", new org.bson.BsonTimestamp(1700000123, 4));
        String op = entry.getString("op").getValue();
        String ns = entry.getString("ns").getValue();

        assertThatThrownBy(() -> ChangeEvents.fromOplog(entry))
            .isExactlyInstanceOf(UnreadableEventException.class)
            .hasMessageStartingWith("Cannot read the oplog entry at Timestamp(1700000123, 4) (op '" + op + "', ns '" + ns + "'): ")
            .hasMessageContaining(problem)
            .hasMessageNotContaining(MARKER);
    }

    @Test
    void aNamespaceThatBreaksTheNamingRulesKeepsTheRuleAsTheCause() {
        BsonDocument entry = BsonDocument.parse("{ts: Timestamp(1, 1), op: 'd', ns: 'no-dot-here', o: {_id: 1}}");

        assertThatThrownBy(() -> ChangeEvents.fromOplog(entry)).isInstanceOf(UnreadableEventException.class)
            .hasMessageContaining("'ns' is not a collection namespace")
            .cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-dot-here");
    }

    @Test
    void anEntryWithoutTsFailsSayingSo() {
        BsonDocument entry = BsonDocument.parse("{op: 'i', ns: 'a.b', o: {_id: 1}}");

        assertThatThrownBy(() -> ChangeEvents.fromOplog(entry)).isInstanceOf(UnreadableEventException.class)
            .hasMessageContaining("at an unknown time (no timestamp) (op 'i', ns 'a.b'): it has no 'ts'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "partialTxn | {op: 'c', ns: 'admin.$cmd', o: {applyOps: [{op: 'i', ns: 'a.b', o: {_id: 'SECRET-MARKER-4e1d'}}], partialTxn: true}} | a partialTxn part",
        "prepare    | {op: 'c', ns: 'admin.$cmd', o: {applyOps: [{op: 'i', ns: 'a.b', o: {_id: 'SECRET-MARKER-4e1d'}}], prepare: true}}    | the prepare part",
        "chain end  | {op: 'c', ns: 'admin.$cmd', o: {applyOps: [{op: 'i', ns: 'a.b', o: {_id: 'SECRET-MARKER-4e1d'}}], count: 4}}       | the last part",
        "commit     | {op: 'c', ns: 'admin.$cmd', o: {commitTransaction: 1, commitTimestamp: Timestamp(1, 1)}}                              | the commitTransaction",
        "abort      | {op: 'c', ns: 'admin.$cmd', o: {abortTransaction: 1}}                                                                   | the abortTransaction",
    })
    void aPartOfATransactionIsReportedAsSuchByFromOplog(String what, String json, String part) {
        BsonDocument entry = BsonDocument.parse(json).append("ts", new org.bson.BsonTimestamp(1700000124, 1));

        assertThatThrownBy(() -> ChangeEvents.fromOplog(entry))
            .isExactlyInstanceOf(PartialTransactionException.class)
            .hasMessageStartingWith("The oplog entry at Timestamp(1700000124, 1) (op 'c', ns 'admin.$cmd') is " + part)
            .hasMessageContaining("TransactionAssembler")
            .hasMessageNotContaining(MARKER);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown type         | {operationType: 'frobnicate', ns: {db: 'a', coll: 'b'}}                                   | its operationType is not one",
        "insert without key   | {operationType: 'insert', ns: {db: 'a', coll: 'b'}, fullDocument: {v: 'SECRET-MARKER-4e1d'}} | it has no 'documentKey'",
        "update without desc  | {operationType: 'update', ns: {db: 'a', coll: 'b'}, documentKey: {_id: 'SECRET-MARKER-4e1d'}} | it has no 'updateDescription'",
        "createIndexes bare   | {operationType: 'createIndexes', ns: {db: 'a', coll: 'b'}}                                | showExpandedEvents",
    })
    void aChangeEventItCannotUnderstandFailsNamingTypeTimeAndToken(String what, String json, String problem) {
        BsonDocument event = BsonDocument.parse(json)
            .append("_id", BsonDocument.parse("{_data: '8265A1B2C3000000012B042C0100296E5A1004AAAA'}"))
            .append("clusterTime", new org.bson.BsonTimestamp(1700000125, 2));
        String type = event.getString("operationType").getValue();

        assertThatThrownBy(() -> ChangeEvents.fromChangeStream(event))
            .isExactlyInstanceOf(UnreadableEventException.class)
            .hasMessageStartingWith("Cannot read the change event '" + type + "' at Timestamp(1700000125, 2)"
                + " (resume token 8265A1B2C3000000012B042C01...): ")
            .hasMessageContaining(problem)
            .hasMessageNotContaining(MARKER)
            .hasMessageNotContaining("0296E5A1004AAAA");
    }

    @Test
    void aChangeEventWithoutResumeTokenFails() {
        BsonDocument event = BsonDocument.parse("{operationType: 'drop', clusterTime: Timestamp(1, 1), ns: {db: 'a', coll: 'b'}}");

        assertThatThrownBy(() -> ChangeEvents.fromChangeStream(event)).isInstanceOf(UnreadableEventException.class)
            .hasMessageContaining("(resume token none): it has no '_id'");
    }
}
