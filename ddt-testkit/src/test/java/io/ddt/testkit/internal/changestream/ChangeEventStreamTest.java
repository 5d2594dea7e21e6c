package io.ddt.testkit.internal.changestream;

import static io.ddt.testkit.internal.changestream.DdlEventsTest.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class ChangeEventStreamTest {

    private static final ChangeStreamOptions ORDERS = ChangeStreamOptions.collection("shop", "orders");

    private static final List<BsonDocument> OPLOG = List.of(
            Entries.insert(1, "shop.orders", "{_id: 1}"),
            Entries.insert(2, "shop.orders", "{_id: 2}"),
            Entries.command(3, "shop", "{drop: 'orders'}"),
            Entries.command(4, "shop", "{create: 'orders', idIndex: {v: 2, key: {_id: 1}, name: '_id_'}}"),
            Entries.insert(5, "shop.orders", "{_id: 3}"));

    @Test
    void streamEndsAtTheInvalidate() {
        ChangeEventStream stream = new ChangeEventStream(ORDERS, OplogLookup.none(), null);

        List<BsonDocument> events = feed(stream, OPLOG);

        assertThat(types(events)).containsExactly("insert", "insert", "drop", "invalidate");
        assertThat(stream.isInvalidated()).isTrue();
    }

    @Test
    void resumingAfterATokenSkipsWhatCameBefore() {
        List<BsonDocument> all = feed(new ChangeEventStream(ORDERS, OplogLookup.none(), null), OPLOG);
        BsonDocument afterFirst = all.get(0).getDocument("_id");

        List<BsonDocument> resumed = feed(new ChangeEventStream(ORDERS, OplogLookup.none(), afterFirst), OPLOG);

        assertThat(resumed).containsExactlyElementsOf(all.subList(1, all.size()));
    }

    @Test
    void startingAfterAnInvalidateGoesOnPastTheDrop() {
        List<BsonDocument> all = feed(new ChangeEventStream(ORDERS, OplogLookup.none(), null), OPLOG);
        BsonDocument invalidate = all.get(3).getDocument("_id");
        ChangeEventStream stream = new ChangeEventStream(ORDERS, OplogLookup.none(), invalidate);

        List<BsonDocument> events = feed(stream, OPLOG);

        assertThat(types(events)).containsExactly("insert");
        assertThat(events.get(0).getDocument("documentKey")).isEqualTo(BsonDocument.parse("{_id: 3}"));
        assertThat(stream.isInvalidated()).isFalse();
    }

    @Test
    void highWaterMarkResumesAtTheFirstEventOfItsTime() {
        BsonDocument mark = ResumeToken.highWaterMark(Entries.ts(2));

        List<BsonDocument> events = feed(new ChangeEventStream(ORDERS, OplogLookup.none(), mark), OPLOG);

        assertThat(events.get(0).get("clusterTime")).isEqualTo(Entries.ts(2));
    }

    @Test
    void dropDatabaseEndsADatabaseStreamAfterTheDropsOfItsCollections() {
        // 7.0 logs a drop for each collection, then dropDatabase.
        List<BsonDocument> oplog = List.of(
                Entries.command(1, "shop", "{drop: 'orders'}"),
                Entries.command(2, "shop", "{drop: 'system.views'}"),
                Entries.dropDatabase(3, "shop"),
                Entries.insert(4, "shop.orders", "{_id: 1}"));
        ChangeEventStream collection = new ChangeEventStream(ORDERS, OplogLookup.none(), null);
        ChangeEventStream database = new ChangeEventStream(ChangeStreamOptions.database("shop"),
                OplogLookup.none(), null);

        assertThat(types(feed(collection, oplog))).containsExactly("drop", "invalidate");
        assertThat(types(feed(database, oplog))).containsExactly("drop", "dropDatabase", "invalidate");
    }

    @Test
    void innerOpErrorsNameTheEntryAndTheOp() {
        BsonDocument bad = Entries.applyOps(9, null, null,
                Entries.op(Entries.insert(0, "shop.orders", "{_id: 1}")),
                Entries.op(Entries.entry("u", "shop.orders", Entries.UUID_A,
                        BsonDocument.parse("{$set: {a: 1}}"), BsonDocument.parse("{_id: 1}"), 0)));

        assertThatThrownBy(() -> new ChangeEventStream(ORDERS, OplogLookup.none(), null).accept(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("admin.$cmd").hasMessageContaining("applyOps[1]");
    }

    @Test
    void malformedResumeTokenFailsAtOpen() {
        assertThatThrownBy(() -> new ChangeEventStream(ORDERS, OplogLookup.none(),
                BsonDocument.parse("{_data: 'nothex'}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<BsonDocument> feed(ChangeEventStream stream, List<BsonDocument> oplog) {
        List<BsonDocument> events = new ArrayList<>();
        oplog.forEach(entry -> events.addAll(stream.accept(entry)));
        return events;
    }
}
