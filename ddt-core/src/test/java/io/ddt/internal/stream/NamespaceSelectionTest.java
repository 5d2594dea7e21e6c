package io.ddt.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.Test;

import io.ddt.Namespace;
import io.ddt.NamespaceFilter;
import io.ddt.Position;
import io.ddt.event.ChangeEvent;
import io.ddt.event.Delete;
import io.ddt.event.DropDatabase;
import io.ddt.event.EventHeader;
import io.ddt.event.Noop;
import io.ddt.event.Rename;
import io.ddt.event.Transaction;

/** The client's final word on which events a stream hands over. */
class NamespaceSelectionTest {

    private static final EventHeader HEADER = EventHeader.at(Position.of(new BsonTimestamp(5, 1)));
    private static final EventHeader MIGRATED = new EventHeader(HEADER.position(), null, true, null);

    private final NamespaceSelection shop = new NamespaceSelection(NamespaceFilter.builder().include("shop.*")
        .exclude("shop.secret").build());

    @Test
    void documentChangesFollowTheFilterAndMigrationsAndNoopsGo() {
        assertThat(shop.select(delete("shop.orders"))).isNotNull();
        assertThat(shop.select(delete("shop.secret"))).isNull();
        assertThat(shop.select(delete("other.orders"))).isNull();
        assertThat(shop.select(new Delete(MIGRATED, Namespace.parse("shop.orders"), key()))).isNull();
        assertThat(shop.select(new Noop(HEADER, Noop.OPLOG_NOOP))).isNull();
    }

    @Test
    void aTransactionKeepsOnlyItsSelectedEventsAndGoesWhenNoneIsLeft() {
        Transaction mixed = new Transaction(HEADER, List.of(delete("shop.orders"), delete("other.x"), delete("shop.secret")));

        Transaction kept = (Transaction) shop.select(mixed);
        assertThat(kept.events()).containsExactly(mixed.events().get(0));
        assertThat(kept.header()).isEqualTo(HEADER);
        assertThat(shop.select(new Transaction(HEADER, List.of(delete("other.x"))))).isNull();
    }

    @Test
    void aRenameIsKeptWhenEitherSideIsSelected() {
        assertThat(shop.select(rename("other.x", "shop.x"))).isNotNull();
        assertThat(shop.select(rename("shop.x", "other.x"))).isNotNull();
        assertThat(shop.select(rename("other.x", "other.y"))).isNull();
    }

    @Test
    void aDatabaseDropIsKeptWhenTheDatabaseMayMatch() {
        assertThat(shop.select(new DropDatabase(HEADER, "shop"))).isNotNull();
        assertThat(shop.select(new DropDatabase(HEADER, "other"))).isNull();
    }

    @Test
    void timeSeriesBucketsCountAsTheirCollection() {
        NamespaceSelection metrics = new NamespaceSelection(NamespaceFilter.builder().include("iot.metrics").build());

        assertThat(metrics.select(delete("iot.system.buckets.metrics"))).isNotNull();
        assertThat(metrics.select(delete("iot.system.buckets.other"))).isNull();
        assertThat(new NamespaceSelection(NamespaceFilter.all()).select(delete("iot.system.buckets.metrics"))).isNotNull();
    }

    private static ChangeEvent delete(String namespace) {
        return new Delete(HEADER, Namespace.parse(namespace), key());
    }

    private static ChangeEvent rename(String from, String to) {
        return new Rename(HEADER, Namespace.parse(from), Namespace.parse(to), false);
    }

    private static BsonDocument key() {
        return new BsonDocument("_id", new BsonInt32(1));
    }
}
