package io.ddt.testkit.internal.changestream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.BsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.Test;

class DdlEventsTest {

    private static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final ChangeStreamOptions COLL = ChangeStreamOptions.collection("shop", "orders");
    private static final ChangeStreamOptions DB = ChangeStreamOptions.database("shop");
    private static final ChangeStreamOptions CLUSTER = ChangeStreamOptions.cluster();

    @Test
    void dropOfTheWatchedCollectionIsFollowedByAnInvalidate() {
        BsonDocument drop = Entries.command(3, "shop", "{drop: 'orders'}", "{numRecords: 4}");

        List<BsonDocument> events = events(COLL, drop);

        assertThat(types(events)).containsExactly("drop", "invalidate");
        assertThat(events.get(0).keySet())
                .containsExactly("_id", "operationType", "clusterTime", "wallTime", "ns");
        assertThat(events.get(0).getDocument("ns")).isEqualTo(BsonDocument.parse("{db: 'shop', coll: 'orders'}"));
        assertThat(events.get(1).keySet()).containsExactly("_id", "operationType", "clusterTime", "wallTime");
        ResumeTokenData invalidate = ResumeToken.decode(events.get(1).getDocument("_id"));
        assertThat(invalidate.fromInvalidate()).isTrue();
        assertThat(invalidate.clusterTime()).isEqualTo(Entries.ts(3));
        assertThat(ResumeToken.compare(events.get(0).getDocument("_id"), events.get(1).getDocument("_id")))
                .isNegative();
    }

    @Test
    void dropOnlyInvalidatesCollectionStreams() {
        BsonDocument drop = Entries.command(3, "shop", "{drop: 'orders'}");

        assertThat(types(events(DB, drop))).containsExactly("drop");
        assertThat(types(events(CLUSTER, drop))).containsExactly("drop");
        assertThat(events(ChangeStreamOptions.collection("shop", "other"), drop)).isEmpty();
    }

    @Test
    void renameShowsToFirstAndDescribesItselfWithExpandedEvents() {
        BsonDocument rename = Entries.command(4, "shop",
                "{renameCollection: 'shop.orders', to: 'shop.archive', stayTemp: false,"
                + " dropTarget: {$binary: {base64: 'mot8bV5PSjuMLR4PGis8TQ==', subType: '04'}}}");

        List<BsonDocument> events = events(COLL.withExpandedEvents(true), rename);

        assertThat(types(events)).containsExactly("rename", "invalidate");
        BsonDocument event = events.get(0);
        assertThat(event.keySet()).containsExactly("to", "_id", "operationType", "clusterTime",
                "collectionUUID", "wallTime", "ns", "operationDescription");
        assertThat(event.getDocument("to")).isEqualTo(BsonDocument.parse("{db: 'shop', coll: 'archive'}"));
        assertThat(event.getDocument("operationDescription").toJson(CANONICAL)).isEqualTo(json(
                "{to: {db: 'shop', coll: 'archive'},"
                + " dropTarget: {$binary: {base64: 'mot8bV5PSjuMLR4PGis8TQ==', subType: '04'}}}"));
        assertThat(events(COLL, rename).get(0)).doesNotContainKeys("operationDescription", "collectionUUID");
    }

    @Test
    void renameOntoTheWatchedCollectionAlsoInvalidatesIt() {
        BsonDocument rename = Entries.command(4, "shop",
                "{renameCollection: 'shop.staging', to: 'shop.orders', stayTemp: false, dropTarget: true}");

        List<BsonDocument> events = events(COLL, rename);

        assertThat(types(events)).containsExactly("rename", "invalidate");
        assertThat(events.get(0).getDocument("ns")).isEqualTo(BsonDocument.parse("{db: 'shop', coll: 'staging'}"));
    }

    @Test
    void dropDatabaseInvalidatesDatabaseStreamsOnly() {
        BsonDocument dropDatabase = Entries.dropDatabase(5, "shop");

        List<BsonDocument> onDb = events(DB.withExpandedEvents(true), dropDatabase);

        assertThat(types(onDb)).containsExactly("dropDatabase", "invalidate");
        assertThat(onDb.get(0).keySet()).containsExactly("_id", "operationType", "clusterTime", "wallTime", "ns");
        assertThat(onDb.get(0).getDocument("ns")).isEqualTo(BsonDocument.parse("{db: 'shop'}"));
        assertThat(types(events(CLUSTER, dropDatabase))).containsExactly("dropDatabase");
        assertThat(events(COLL, dropDatabase)).as("a collection stream sees its drop instead").isEmpty();
    }

    @Test
    void createIsShownWithItsOptionsOnlyWithExpandedEvents() {
        BsonDocument create = Entries.command(6, "shop", "{create: 'orders', capped: true,"
                + " size: 1000, idIndex: {v: 2, key: {_id: 1}, name: '_id_'}}");

        BsonDocument event = events(COLL.withExpandedEvents(true), create).get(0);

        assertThat(events(COLL, create)).isEmpty();
        assertThat(event.keySet()).containsExactly("_id", "operationType", "clusterTime",
                "collectionUUID", "wallTime", "ns", "operationDescription", "nsType");
        assertThat(event.getDocument("operationDescription").toJson(CANONICAL)).isEqualTo(json(
                "{capped: true, size: 1000, idIndex: {v: 2, key: {_id: 1}, name: '_id_'}}"));
        assertThat(event.getString("nsType").getValue()).isEqualTo("collection");
    }

    @Test
    void indexCommandsDescribeTheirIndexesInAnArray() {
        ChangeStreamOptions expanded = DB.withExpandedEvents(true);
        BsonDocument create = Entries.command(7, "shop", "{createIndexes: 'orders', v: 2, key: {a: 1}, name: 'a_1'}");
        BsonDocument commit = Entries.command(8, "shop", "{commitIndexBuild: 'orders',"
                + " indexBuildUUID: {$binary: {base64: 'SbJXR0RfS9msi9AGHjoCmQ==', subType: '04'}},"
                + " indexes: [{v: 2, key: {b: 1}, name: 'b_1'}]}");
        BsonDocument drop = Entries.command(9, "shop", "{dropIndexes: 'orders', index: 'a_1'}",
                "{v: 2, key: {a: 1}, name: 'a_1'}");

        assertThat(description(expanded, create)).isEqualTo(json("{indexes: [{v: 2, key: {a: 1}, name: 'a_1'}]}"));
        assertThat(description(expanded, commit)).isEqualTo(json("{indexes: [{v: 2, key: {b: 1}, name: 'b_1'}]}"));
        assertThat(types(events(expanded, drop))).containsExactly("dropIndexes");
        assertThat(description(expanded, drop)).isEqualTo(json("{indexes: [{v: 2, key: {a: 1}, name: 'a_1'}]}"));
        assertThat(events(DB, create)).isEmpty();
        assertThat(events(expanded, Entries.command(8, "shop", "{startIndexBuild: 'orders', indexes: []}")))
                .isEmpty();
    }

    @Test
    void collModIsAModifyWithTheStateBeforeIt() {
        BsonDocument collMod = Entries.command(10, "shop",
                "{collMod: 'orders', index: {name: 'a_1', expireAfterSeconds: {$numberLong: '60'}}}",
                "{collectionOptions_old: {uuid: {$binary: {base64: 'CgoKCgoKCgoKCgoKCgoKCg==', subType: '04'}}},"
                + " indexOptions_old: {expireAfterSeconds: {$numberLong: '30'}}}");

        BsonDocument event = events(COLL.withExpandedEvents(true), collMod).get(0);

        assertThat(event.getString("operationType").getValue()).isEqualTo("modify");
        assertThat(event.keySet()).endsWith("ns", "operationDescription", "stateBeforeChange");
        assertThat(event.getDocument("operationDescription").toJson(CANONICAL)).isEqualTo(json(
                "{index: {name: 'a_1', expireAfterSeconds: {$numberLong: '60'}}}"));
        assertThat(event.getDocument("stateBeforeChange").toJson(CANONICAL)).isEqualTo(json(
                "{collectionOptions: {uuid: {$binary: {base64: 'CgoKCgoKCgoKCgoKCgoKCg==', subType: '04'}}},"
                + " indexOptions: {expireAfterSeconds: {$numberLong: '30'}}}"));
        assertThat(events(COLL, collMod)).isEmpty();
    }

    @Test
    void noOpsGiveNothingExceptShardCollectionWithExpandedEvents() {
        BsonDocument periodic = Entries.entry("n", "", null, BsonDocument.parse("{msg: 'periodic noop'}"), null, 11);
        BsonDocument shard = Entries.entry("n", "shop.orders", Entries.UUID_A,
                BsonDocument.parse("{msg: {shardCollection: 'shop.orders'}}"),
                BsonDocument.parse("{shardCollection: 'shop.orders', shardKey: {a: 'hashed'}, unique: false}"), 12);

        assertThat(events(CLUSTER.withExpandedEvents(true), periodic)).isEmpty();
        assertThat(events(COLL, shard)).isEmpty();
        BsonDocument event = events(COLL.withExpandedEvents(true), shard).get(0);
        assertThat(event.getString("operationType").getValue()).isEqualTo("shardCollection");
        assertThat(event.getDocument("operationDescription"))
                .isEqualTo(BsonDocument.parse("{shardKey: {a: 'hashed'}, unique: false}"));
    }

    private static String description(ChangeStreamOptions options, BsonDocument entry) {
        return events(options, entry).get(0).getDocument("operationDescription").toJson(CANONICAL);
    }

    static List<BsonDocument> events(ChangeStreamOptions options, BsonDocument entry) {
        return new ChangeEventBuilder(options).eventsFor(entry);
    }

    static List<String> types(List<BsonDocument> events) {
        return events.stream().map(e -> e.getString("operationType").getValue()).toList();
    }

    private static String json(String json) {
        return BsonDocument.parse(json).toJson(CANONICAL);
    }
}
