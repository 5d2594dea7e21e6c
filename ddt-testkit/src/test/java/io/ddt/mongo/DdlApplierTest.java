package io.ddt.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.IndexOptions;

import io.ddt.ConfigurationException;
import io.ddt.DdtException;
import io.ddt.Namespace;
import io.ddt.NamespaceMapping;
import io.ddt.Position;
import io.ddt.event.Create;
import io.ddt.event.CreateIndexes;
import io.ddt.event.Drop;
import io.ddt.event.DropDatabase;
import io.ddt.event.EventHeader;
import io.ddt.event.Rename;
import io.ddt.internal.apply.DdlApplier;
import io.ddt.testkit.Cluster;
import io.ddt.testkit.Clusters;
import io.ddt.testkit.FakeCluster;

/** {@link DdlApplier} through a namespace mapping, on the server's own namespaces, and when the target refuses. */
@Clusters
class DdlApplierTest {

    private static final EventHeader AT = EventHeader.at(Position.of(new BsonTimestamp(1_700_000_000, 7)));
    private static final NamespaceMapping MAPPING = NamespaceMapping.builder().renameDatabase("shop", "shop_v2")
        .renameCollection("shop.orders", "archive.orders_2024").renameCollection("shop.items", "shop_v2.items_v2").build();

    @Cluster
    static FakeCluster target;

    private MongoClient client;

    @BeforeEach
    void emptyTarget() {
        client = target.client();
        for (String database : client.listDatabaseNames()) {
            if (!List.of("admin", "local", "config").contains(database)) {
                client.getDatabase(database).drop();
            }
        }
    }

    @Test
    void renamesBetweenTheMappedNamesOfBothEndsAcrossDatabases() {
        client.getDatabase("archive").getCollection("orders_2024").insertOne(new org.bson.Document("_id", 1));

        new DdlApplier(client, MAPPING).apply(new Rename(AT, Namespace.of("shop", "orders"), Namespace.of("shop", "old"), false));

        assertThat(names("archive")).isEmpty();
        assertThat(client.getDatabase("shop_v2").getCollection("old").countDocuments()).isEqualTo(1);
    }

    @Test
    void createsAViewOnTheMappedNamesOfEveryCollectionItReads() {
        BsonDocument options = BsonDocument.parse("{viewOn: 'items', pipeline: [{$match: {a: 1}},"
            + " {$unionWith: {coll: 'items', pipeline: [{$lookup: {from: 'prices', localField: 'a', foreignField: 'b', as: 'p'}}]}}]}");

        new DdlApplier(client, MAPPING).apply(new Create(AT, Namespace.of("shop", "view"), options));

        BsonDocument created = client.getDatabase("shop_v2").listCollections(BsonDocument.class)
            .filter(new BsonDocument("name", new BsonString("view"))).first().getDocument("options");
        assertThat(created).isEqualTo(BsonDocument.parse("{viewOn: 'items_v2', pipeline: [{$match: {a: 1}},"
            + " {$unionWith: {coll: 'items_v2', pipeline: [{$lookup: {from: 'prices', localField: 'a', foreignField: 'b', as: 'p'}}]}}]}"));
    }

    @Test
    void refusesAViewWhoseCollectionsTheMappingSendsToAnotherDatabase() {
        Create view = new Create(AT, Namespace.of("shop", "view"), BsonDocument.parse("{viewOn: 'orders', pipeline: []}"));

        assertThatThrownBy(() -> new DdlApplier(client, MAPPING).apply(view)).isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("archive.orders_2024").hasMessageContaining("shop_v2");
        assertThat(names("shop_v2")).isEmpty();
    }

    @Test
    void dropsTheDatabaseItsRuleNames() {
        client.getDatabase("shop_v2").getCollection("a").insertOne(new org.bson.Document("_id", 1));
        client.getDatabase("shop").getCollection("a").insertOne(new org.bson.Document("_id", 1));

        new DdlApplier(client, MAPPING).apply(new DropDatabase(AT, "shop"));

        assertThat(names("shop_v2")).isEmpty();
        assertThat(names("shop")).containsExactly("a");
    }

    @Test
    void neverReplaysTheServersOwnNamespaces() {
        client.getDatabase("config").getCollection("kept").insertOne(new org.bson.Document("_id", 1));
        DdlApplier applier = new DdlApplier(client, NamespaceMapping.identity());

        applier.apply(new Create(AT, Namespace.of("config", "made"), new BsonDocument()));
        applier.apply(new Drop(AT, Namespace.of("config", "kept")));
        applier.apply(new Create(AT, Namespace.of("shop", "system.js"), new BsonDocument()));
        applier.apply(new DropDatabase(AT, "config"));

        assertThat(names("config")).contains("kept").doesNotContain("made");
        assertThat(names("shop")).isEmpty();
    }

    @Test
    void createsATimeSeriesCollectionByItsOwnNameWhenItsBucketsAreCreated() {
        DdlApplier applier = new DdlApplier(client, NamespaceMapping.identity());
        BsonDocument buckets = BsonDocument.parse("{validator: {$jsonSchema: {bsonType: 'object'}}, clusteredIndex: true,"
            + " timeseries: {timeField: 't', granularity: 'seconds', bucketMaxSpanSeconds: 3600}}");

        applier.apply(new Create(AT, Namespace.of("metrics", "system.buckets.cpu"), buckets));
        applier.apply(new Create(AT, Namespace.of("metrics", "cpu"), BsonDocument.parse("{viewOn: 'system.buckets.cpu', pipeline: []}")));

        BsonDocument created = client.getDatabase("metrics").listCollections(BsonDocument.class)
            .filter(new BsonDocument("name", new BsonString("cpu"))).first();
        assertThat(created.getDocument("options")).isEqualTo(new BsonDocument("timeseries", buckets.get("timeseries")));
    }

    @Test
    void buildsEachIndexOnItsOwnSoThatOneThatExistsDoesNotStopTheOthers() {
        client.getDatabase("shop").getCollection("c").createIndex(new BsonDocument("a", new org.bson.BsonInt32(1)),
            new IndexOptions().name("a_1").unique(true));
        CreateIndexes indexes = new CreateIndexes(AT, Namespace.of("shop", "c"), List.of(
            BsonDocument.parse("{v: 2, key: {a: 1}, name: 'a_1'}"), BsonDocument.parse("{v: 2, key: {b: 1}, name: 'b_1'}")));

        new DdlApplier(client, NamespaceMapping.identity()).apply(indexes);

        assertThat(client.getDatabase("shop").getCollection("c").listIndexes().map(i -> i.getString("name"))
            .into(new ArrayList<>())).containsExactlyInAnyOrder("_id_", "a_1", "b_1");
    }

    @Test
    void aRefusalFailsNamingTheEventAndTheTargetButNoValue() {
        client.getDatabase("shop").getCollection("c").insertMany(List.of(new org.bson.Document("_id", 1).append("e", "secret"),
            new org.bson.Document("_id", 2).append("e", "secret")));
        CreateIndexes unique = new CreateIndexes(AT, Namespace.of("shop", "c"),
            List.of(BsonDocument.parse("{v: 2, key: {e: 1}, name: 'e_1', unique: true}")));

        assertThatThrownBy(() -> new DdlApplier(client, NamespaceMapping.identity()).apply(unique))
            .isInstanceOf(DdtException.class).hasMessageContaining("CreateIndexes[shop.c, [e_1], at Timestamp(1700000000, 7)")
            .hasMessageContaining("createIndexes on shop.c").hasMessageContaining("11000").hasMessageNotContaining("secret");
    }

    private List<String> names(String database) {
        return client.getDatabase(database).listCollectionNames().into(new ArrayList<>());
    }
}
