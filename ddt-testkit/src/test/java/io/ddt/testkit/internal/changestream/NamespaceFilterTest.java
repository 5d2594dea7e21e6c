package io.ddt.testkit.internal.changestream;

import static io.ddt.testkit.internal.changestream.DdlEventsTest.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class NamespaceFilterTest {

    @Test
    void collectionStreamSeesOnlyItsCollection() {
        ChangeStreamOptions orders = ChangeStreamOptions.collection("shop", "orders");

        assertThat(events(orders, Entries.insert(1, "shop.orders", "{_id: 1}"))).hasSize(1);
        assertThat(events(orders, Entries.insert(1, "shop.orders2", "{_id: 1}"))).isEmpty();
        assertThat(events(orders, Entries.insert(1, "shop2.orders", "{_id: 1}"))).isEmpty();
        assertThat(events(orders, Entries.command(2, "shop2", "{drop: 'orders'}"))).isEmpty();
    }

    @Test
    void databaseStreamSeesItsCollectionsButNotSystemOnes() {
        ChangeStreamOptions shop = ChangeStreamOptions.database("shop");

        assertThat(events(shop, Entries.insert(1, "shop.a", "{_id: 1}"))).hasSize(1);
        assertThat(events(shop, Entries.insert(1, "shop.b.c", "{_id: 1}"))).hasSize(1);
        assertThat(events(shop, Entries.insert(1, "shop.system.js", "{_id: 1}"))).isEmpty();
        assertThat(events(shop, Entries.insert(1, "shopping.a", "{_id: 1}"))).isEmpty();
        assertThat(events(shop, Entries.command(2, "shop", "{drop: 'system.views'}"))).isEmpty();
        assertThat(events(shop, Entries.dropDatabase(3, "shopping"))).isEmpty();
    }

    @Test
    void clusterStreamSkipsInternalDatabases() {
        ChangeStreamOptions all = ChangeStreamOptions.cluster();

        assertThat(events(all, Entries.insert(1, "shop.a", "{_id: 1}"))).hasSize(1);
        assertThat(events(all, Entries.insert(1, "admin.users", "{_id: 1}"))).isEmpty();
        assertThat(events(all, Entries.insert(1, "config.transactions", "{_id: 1}"))).isEmpty();
        assertThat(events(all, Entries.insert(1, "local.oplog.rs", "{_id: 1}"))).isEmpty();
        assertThat(events(all, Entries.command(2, "config", "{drop: 'chunks'}"))).isEmpty();
        assertThat(events(all, Entries.dropDatabase(3, "shop"))).hasSize(1);
    }

    @Test
    void renameIsSeenFromEitherEndOnDatabaseStreams() {
        BsonDocument intoShop = Entries.command(4, "shop",
                "{renameCollection: 'shop.system.tmp1', to: 'shop.orders', stayTemp: false}");
        BsonDocument betweenOthers = Entries.command(5, "shop",
                "{renameCollection: 'shop.system.a', to: 'shop.system.b', stayTemp: false}");

        assertThat(events(ChangeStreamOptions.database("shop"), intoShop)).hasSize(1);
        assertThat(events(ChangeStreamOptions.database("shop"), betweenOthers)).isEmpty();
    }

    @Test
    void migrationWritesAreInvisible() {
        BsonDocument insert = Entries.insert(1, "shop.orders", "{_id: 1}")
                .append("fromMigrate", BsonBoolean.TRUE);

        assertThat(events(ChangeStreamOptions.cluster(), insert)).isEmpty();
    }

    @Test
    void optionsRejectNamesThatDoNotFitTheLevel() {
        assertThatThrownBy(() -> new ChangeStreamOptions(ChangeStreamOptions.Level.DATABASE, "shop", "orders", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("database only");
        assertThatThrownBy(() -> ChangeStreamOptions.collection("shop", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChangeStreamOptions.database("a.b"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
