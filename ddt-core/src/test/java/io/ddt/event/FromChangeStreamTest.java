package io.ddt.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import io.ddt.Namespace;

/** What {@link ChangeEvents#fromChangeStream} reads from representative change events. */
class FromChangeStreamTest {

    @Test
    void insertKeepsTheShardedDocumentKeyInTheServersOrder() {
        BsonDocument event = OplogCases.entry("changeStream.docs.insert.sharded-documentKey");

        Insert insert = (Insert) ChangeEvents.fromChangeStream(event);

        assertThat(insert.namespace()).isEqualTo(Namespace.parse("engineering.users"));
        assertThat(insert.documentKey().keySet()).containsExactly("userName", "_id");
        assertThat(insert.document()).isEqualTo(event.getDocument("fullDocument"));
        assertThat(insert.wallTime()).isEqualTo(Instant.ofEpochMilli(1700000987456L));
    }

    @Test
    void updateDescriptionKeepsRemovedFieldsAndTruncatedArrays() {
        Update update = (Update) ChangeEvents.fromChangeStream(
            OplogCases.entry("changeStream.docs.update.truncatedArrays-updateLookup"));

        UpdateSpec.Description description = (UpdateSpec.Description) update.spec();
        assertThat(description.updatedFields().keySet()).containsExactly("email");
        assertThat(description.removedFields()).containsExactly("phoneNumber");
        assertThat(description.truncatedArrays()).containsExactly(new UpdateSpec.TruncatedArray("vacation_time", 36));
        assertThat(description.disambiguatedPaths()).as("absent, not empty").isNull();
        assertThat(update.wallTime()).isNull();
    }

    @Test
    void updateDescriptionKeepsDisambiguatedPaths() {
        Update update = (Update) ChangeEvents.fromChangeStream(
            OplogCases.entry("changeStream.disambiguatedPaths.numericFieldInArray"));

        UpdateSpec.Description description = (UpdateSpec.Description) update.spec();
        assertThat(description.disambiguatedPaths().getArray("arrayWithNumericField.0.0.1")).hasSize(4);
    }

    @Test
    void olderUpdateEventsWithoutTruncatedArraysReadAsNoneTruncated() {
        Update update = (Update) ChangeEvents.fromChangeStream(OplogCases.entry("changeStream.capture.4.2.update-set-unset"));

        assertThat(((UpdateSpec.Description) update.spec()).truncatedArrays()).isEmpty();
    }

    @Test
    void rawUpdateDescriptionReadsAsTheOplogsDiff() {
        BsonDocument event = BsonDocument.parse("{_id: {_data: '82'}, operationType: 'update', clusterTime: Timestamp(1, 1),"
            + " ns: {db: 'a', coll: 'b'}, documentKey: {_id: 1}, rawUpdateDescription: {$v: 2, diff: {u: {x: 2}}}}");

        Update update = (Update) ChangeEvents.fromChangeStream(event);

        assertThat(update.spec()).isEqualTo(new UpdateSpec.Diff(BsonDocument.parse("{u: {x: 2}}")));
    }

    @Test
    void transactionEventsCarryLsidAndTxnNumber() {
        BsonDocument event = OplogCases.entry("changeStream.capture.4.2.delete").clone()
            .append("lsid", BsonDocument.parse("{id: UUID('3a6a6caf-0548-42d6-84fa-a66a28afb3c7')}"))
            .append("txnNumber", new org.bson.BsonInt64(12));

        ChangeEvent delete = ChangeEvents.fromChangeStream(event);

        assertThat(delete.transactionId()).isEqualTo(new TransactionId(event.getDocument("lsid"), 12));
        assertThat(delete.toString()).contains("txnNumber 12 of session 3a6a6caf-0548-42d6-84fa-a66a28afb3c7");
        assertThat(ChangeEvents.fromChangeStream(OplogCases.entry("changeStream.capture.4.2.delete")).transactionId()).isNull();
    }

    @Test
    void renameReadsItsTargetFromToOrTheOperationDescription() {
        Rename legacy = (Rename) ChangeEvents.fromChangeStream(OplogCases.entry("changeStream.capture.4.2.rename"));
        BsonDocument expanded = BsonDocument.parse("{_id: {_data: '82'}, operationType: 'rename', clusterTime: Timestamp(1, 1),"
            + " ns: {db: 'a', coll: 'b'}, operationDescription: {to: {db: 'c', coll: 'd'},"
            + " dropTarget: UUID('3a6a6caf-0548-42d6-84fa-a66a28afb3c7')}}");

        Rename rename = (Rename) ChangeEvents.fromChangeStream(expanded);

        assertThat(legacy.to()).isEqualTo(Namespace.parse("zz.test_collection_rename"));
        assertThat(legacy.dropTarget()).isFalse();
        assertThat(rename.from()).isEqualTo(Namespace.parse("a.b"));
        assertThat(rename.to()).isEqualTo(Namespace.parse("c.d"));
        assertThat(rename.dropTarget()).isTrue();
    }

    @Test
    void expandedDdlEventsReadTheirOperationDescription() {
        Create capped = (Create) ChangeEvents.fromChangeStream(OplogCases.entry("changeStream.create.capped"));
        CreateIndexes created = (CreateIndexes) ChangeEvents.fromChangeStream(OplogCases.entry("changeStream.docs.createIndexes"));
        DropIndexes dropped = (DropIndexes) ChangeEvents.fromChangeStream(OplogCases.entry("changeStream.docs.dropIndexes"));
        CollMod modify = (CollMod) ChangeEvents.fromChangeStream(OplogCases.entry("changeStream.modify.collMod-index-ttl"));

        assertThat(capped.isCapped()).isTrue();
        assertThat(created.names()).containsExactly("name_1");
        assertThat(dropped.names()).containsExactly("name_1");
        assertThat(modify.indexChange().getString("name").getValue()).isEqualTo("c_1");
    }

    @Test
    void viewCreationIsACreateOfAView() {
        BsonDocument event = BsonDocument.parse("{_id: {_data: '82'}, operationType: 'create', clusterTime: Timestamp(1, 1),"
            + " ns: {db: 'shop', coll: 'big'}, operationDescription: {viewOn: 'orders', pipeline: []}, nsType: 'view'}");

        Create view = (Create) ChangeEvents.fromChangeStream(event);

        assertThat(view.isView()).isTrue();
        assertThat(view.viewOn()).isEqualTo(Namespace.parse("shop.orders"));
    }

    @Test
    void dropDatabaseInvalidateAndShardingEvents() {
        DropDatabase drop = (DropDatabase) ChangeEvents.fromChangeStream(OplogCases.entry("changeStream.docs.dropDatabase"));
        ChangeEvent invalidate = ChangeEvents.fromChangeStream(OplogCases.entry("changeStream.docs.invalidate"));
        ChangeEvent shard = ChangeEvents.fromChangeStream(OplogCases.entry("changeStream.docs.shardCollection"));

        assertThat(drop.database()).isEqualTo("engineering");
        assertThat(invalidate).isInstanceOf(Invalidate.class);
        assertThat(invalidate.position().hasResumeToken()).isTrue();
        assertThat(shard).isInstanceOfSatisfying(Noop.class, noop -> assertThat(noop.reason()).isEqualTo("shardCollection"));
    }
}
