package io.ddt.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.Test;

import io.ddt.Namespace;
import io.ddt.Position;

/** What {@link ChangeEvents#fromOplog} reads from representative real entries. */
class FromOplogTest {

    @Test
    void insertIsKeyedByItsIdAndPositionedAtItsTs() {
        BsonDocument entry = OplogCases.entry("insert.capture.4.2.layout");

        Insert insert = (Insert) ChangeEvents.fromOplog(entry);

        assertThat(insert.namespace()).isEqualTo(Namespace.parse("config.cache.test"));
        assertThat(insert.documentKey()).isEqualTo(new BsonDocument("_id", entry.getDocument("o").get("_id")));
        assertThat(insert.document()).isEqualTo(entry.getDocument("o"));
        assertThat(insert.position()).isEqualTo(Position.of(new BsonTimestamp(1582918093, 2)));
        assertThat(insert.wallTime()).isEqualTo(Instant.ofEpochMilli(1582918093596L));
        assertThat(insert.fromMigrate()).isFalse();
        assertThat(insert.transactionId()).as("a retryable write is not a transaction").isNull();
    }

    @Test
    void insertWithO2IsKeyedByO2ShardKeyIncludedAndLegacyEntriesHaveNoWallTime() {
        BsonDocument sharded = BsonDocument.parse("{ts: Timestamp(5, 1), op: 'i', ns: 'a.b',"
            + " o: {_id: 1, region: 'eu', x: 2}, o2: {region: 'eu', _id: 1}}");
        Insert legacy = (Insert) ChangeEvents.fromOplog(OplogCases.entry("insert.capture.3.0.legacy-layout"));

        Insert insert = (Insert) ChangeEvents.fromOplog(sharded);

        assertThat(insert.documentKey()).isSameAs(sharded.getDocument("o2"));
        assertThat(insert.documentKey().keySet()).containsExactly("region", "_id");
        assertThat(legacy.wallTime()).isNull();
    }

    @Test
    void deleteIsKeyedByItsWholeOIncludingACompoundId() {
        BsonDocument entry = OplogCases.entry("delete.capture.4.2.compound-document-id");

        Delete delete = (Delete) ChangeEvents.fromOplog(entry);

        assertThat(delete.documentKey()).isEqualTo(entry.getDocument("o"));
        assertThat(delete.id().isDocument()).isTrue();
    }

    @Test
    void updatesComeAsDiffModifiersOrReplacementKeyedByO2() {
        Update diff = (Update) ChangeEvents.fromOplog(OplogCases.entry("v2diff.capture.5.0.timeseries-bucket-update#1"));
        Update v1 = (Update) ChangeEvents.fromOplog(OplogCases.entry("v1.capture.4.4.set-and-unset"));
        BsonDocument replaceEntry = OplogCases.entry("replace.capture.4.4.full-replacement");
        Replace replace = (Replace) ChangeEvents.fromOplog(replaceEntry);

        assertThat(diff.spec()).isInstanceOf(UpdateSpec.Diff.class);
        assertThat(diff.namespace().collection()).isEqualTo("system.buckets.foo_ts");
        assertThat(((UpdateSpec.Modifiers) v1.spec()).update().keySet()).containsExactly("$set", "$unset");
        assertThat(replace.document()).isEqualTo(replaceEntry.getDocument("o"));
        assertThat(replace.documentKey()).isEqualTo(replaceEntry.getDocument("o2"));
    }

    @Test
    void unversionedModifierUpdateIsAnUpdateAndReplacementWithoutO2IsKeyedByItsId() {
        BsonDocument legacySet = BsonDocument.parse("{ts: Timestamp(5, 1), op: 'u', ns: 'a.b', o: {$set: {x: 1}}, o2: {_id: 7}}");
        BsonDocument bareReplace = BsonDocument.parse("{ts: Timestamp(5, 2), op: 'u', ns: 'a.b', o: {_id: 7, x: 2}}");

        assertThat(((Update) ChangeEvents.fromOplog(legacySet)).spec()).isInstanceOf(UpdateSpec.Modifiers.class);
        assertThat(((Replace) ChangeEvents.fromOplog(bareReplace)).documentKey()).isEqualTo(BsonDocument.parse("{_id: 7}"));
    }

    @Test
    void fromMigrateEntriesAreReadAndFlagged() {
        BsonDocument entry = OplogCases.entry("insert.capture.4.2.layout").clone().append("fromMigrate", org.bson.BsonBoolean.TRUE);

        ChangeEvent event = ChangeEvents.fromOplog(entry);

        assertThat(event).isInstanceOf(Insert.class);
        assertThat(event.fromMigrate()).isTrue();
        assertThat(event.toString()).contains("fromMigrate");
    }

    @Test
    void noopOnlyMovesThePosition() {
        Noop noop = (Noop) ChangeEvents.fromOplog(OplogCases.entry("noop.capture.4.4.periodic"));

        assertThat(noop.reason()).isEqualTo(Noop.OPLOG_NOOP);
        assertThat(noop.position().clusterTime()).isEqualTo(new BsonTimestamp(1588114149, 1));
    }

    @Test
    void createKeepsItsOptionsWithoutTheLegacyIndexNamespace() {
        Create capped = (Create) ChangeEvents.fromOplog(OplogCases.entry("ddl.create.capped"));
        Create clustered = (Create) ChangeEvents.fromOplog(OplogCases.entry("ddl.create.clusteredIndex"));
        Create legacy = (Create) ChangeEvents.fromOplog(OplogCases.entry("ddl.capture.4.2.create-idIndex-with-ns"));

        assertThat(capped.isCapped()).isTrue();
        assertThat(capped.options().getInt32("size").getValue()).isEqualTo(1000);
        assertThat(capped.options()).doesNotContainKey("create");
        assertThat(clustered.isClustered()).isTrue();
        assertThat(clustered.isCapped()).isFalse();
        assertThat(legacy.options().getDocument("idIndex")).doesNotContainKey("ns").containsKey("key");
        assertThat(legacy.isView()).isFalse();
    }

    @Test
    void renameReadsBothNamespacesAndDropTargetAsUuidOrAbsent() {
        Rename dropping = (Rename) ChangeEvents.fromOplog(OplogCases.entry("ddl.renameCollection.same-db.dropTarget-uuid"));
        Rename plain = (Rename) ChangeEvents.fromOplog(OplogCases.entry("ddl.capture.4.2.renameCollection"));

        assertThat(dropping.from()).isEqualTo(Namespace.parse("test.foo"));
        assertThat(dropping.to()).isEqualTo(Namespace.parse("test.bar"));
        assertThat(dropping.dropTarget()).isTrue();
        assertThat(plain.namespace()).isEqualTo(Namespace.parse("zz.test"));
        assertThat(plain.dropTarget()).isFalse();
    }

    @Test
    void indexCommandsNameTheirIndexes() {
        CreateIndexes single = (CreateIndexes) ChangeEvents.fromOplog(OplogCases.entry("ddl.capture.4.4.createIndexes-ttl-double"));
        DropIndexes dropped = (DropIndexes) ChangeEvents.fromOplog(OplogCases.entry("ddl.capture.4.4.dropIndexes-with-o2"));
        CollMod collMod = (CollMod) ChangeEvents.fromOplog(OplogCases.entry("ddl.capture.8.x.collMod-ttl"));

        assertThat(single.names()).containsExactly("f_1");
        assertThat(single.indexes().get(0)).doesNotContainKey("createIndexes").containsKeys("key", "expireAfterSeconds");
        assertThat(dropped.names()).containsExactly("f_1");
        assertThat(collMod.indexChange().getString("name").getValue()).isEqualTo("a_1");
        assertThat(collMod.changes()).doesNotContainKey("collMod");
    }

    @Test
    void twoPhaseIndexBuildCreatesOnlyOnCommit() {
        var entries = OplogCases.entries(OplogCases.named("ddl.capture.4.4.startIndexBuild+commitIndexBuild"));

        assertThat(ChangeEvents.fromOplog(entries.get(0))).isInstanceOfSatisfying(Noop.class,
            noop -> assertThat(noop.reason()).isEqualTo("startIndexBuild"));
        assertThat(ChangeEvents.fromOplog(entries.get(1))).isInstanceOfSatisfying(CreateIndexes.class,
            create -> assertThat(create.names()).containsExactly("a_1"));
    }

    @Test
    void dropDatabaseNamesTheDatabaseAndNoNamespace() {
        DropDatabase drop = (DropDatabase) ChangeEvents.fromOplog(OplogCases.entry("ddl.capture.4.4.dropDatabase"));

        assertThat(drop.database()).isEqualTo("test2");
        assertThat(drop.namespace()).isNull();
    }

    @Test
    void viewCatalogWritesBecomeViewDdl() {
        BsonDocument create = BsonDocument.parse("{ts: Timestamp(9, 1), op: 'i', ns: 'shop.system.views',"
            + " o: {_id: 'shop.big', viewOn: 'orders', pipeline: [{$match: {total: {$gt: 100}}}]}}");
        BsonDocument modify = BsonDocument.parse("{ts: Timestamp(9, 2), op: 'u', ns: 'shop.system.views',"
            + " o: {_id: 'shop.big', viewOn: 'orders', pipeline: []}, o2: {_id: 'shop.big'}}");
        BsonDocument drop = BsonDocument.parse("{ts: Timestamp(9, 3), op: 'd', ns: 'shop.system.views', o: {_id: 'shop.big'}}");
        BsonDocument timeSeries = BsonDocument.parse("{ts: Timestamp(9, 4), op: 'i', ns: 'iot.system.views',"
            + " o: {_id: 'iot.weather', viewOn: 'system.buckets.weather', pipeline: []}}");

        Create view = (Create) ChangeEvents.fromOplog(create);
        assertThat(view.namespace()).isEqualTo(Namespace.parse("shop.big"));
        assertThat(view.isView()).isTrue();
        assertThat(view.viewOn()).isEqualTo(Namespace.parse("shop.orders"));
        assertThat(view.pipeline()).hasSize(1);
        assertThat(((CollMod) ChangeEvents.fromOplog(modify)).changes().keySet()).containsExactly("viewOn", "pipeline");
        assertThat(((Drop) ChangeEvents.fromOplog(drop)).namespace()).isEqualTo(Namespace.parse("shop.big"));
        assertThat(((Create) ChangeEvents.fromOplog(timeSeries)).isTimeSeries()).isTrue();
    }

    @Test
    void applyOpsIsATransactionWhoseEventsShareItsPositionAndId() {
        BsonDocument entry = OplogCases.entry("txn.capture.4.2.single-applyOps-commit");

        Transaction transaction = (Transaction) ChangeEvents.fromOplog(entry);

        assertThat(transaction.transactionId()).isEqualTo(new TransactionId(entry.getDocument("lsid"), 1));
        assertThat(transaction.events()).singleElement().isInstanceOfSatisfying(Insert.class, insert -> {
            assertThat(insert.position()).isEqualTo(transaction.position());
            assertThat(insert.transactionId()).isEqualTo(transaction.transactionId());
        });
    }

    @Test
    void plainAndNestedApplyOpsAreFlattenedWithoutATransactionId() {
        BsonDocument entry = BsonDocument.parse("{ts: Timestamp(7, 1), op: 'c', ns: 'admin.$cmd', o: {applyOps: ["
            + "{op: 'i', ns: 'a.b', o: {_id: 1}},"
            + "{op: 'c', ns: 'admin.$cmd', o: {applyOps: [{op: 'd', ns: 'a.b', o: {_id: 1}, fromMigrate: true},"
            + "  {op: 'c', ns: 'a.$cmd', o: {create: 'c'}}]}}]}}");

        Transaction transaction = (Transaction) ChangeEvents.fromOplog(entry);

        assertThat(transaction.transactionId()).isNull();
        assertThat(transaction.events()).hasExactlyElementsOfTypes(Insert.class, Delete.class, Create.class);
        assertThat(transaction.events().get(1).fromMigrate()).isTrue();
        assertThat(transaction.events().get(0).fromMigrate()).isFalse();
        assertThat(transaction.events().get(2).position()).isEqualTo(Position.of(new BsonTimestamp(7, 1)));
    }

    @Test
    void convertToCappedReadsItsSize() {
        BsonDocument entry = BsonDocument.parse("{ts: Timestamp(3, 1), op: 'c', ns: 'logs.$cmd',"
            + " o: {convertToCapped: 'app', size: 4096}}");

        ConvertToCapped convert = (ConvertToCapped) ChangeEvents.fromOplog(entry);

        assertThat(convert.namespace()).isEqualTo(Namespace.parse("logs.app"));
        assertThat(convert.size()).isEqualTo(4096);
    }

    @Test
    void dropIndexesAcceptsAListOfNames() {
        BsonDocument entry = new BsonDocument("ts", new BsonTimestamp(3, 2)).append("op", new org.bson.BsonString("c"))
            .append("ns", new org.bson.BsonString("a.$cmd"))
            .append("o", new BsonDocument("dropIndexes", new org.bson.BsonString("b"))
                .append("index", new BsonArray(java.util.List.of(new org.bson.BsonString("x_1"), new org.bson.BsonString("y_1")))));

        assertThat(((DropIndexes) ChangeEvents.fromOplog(entry)).names()).containsExactly("x_1", "y_1");
    }
}
