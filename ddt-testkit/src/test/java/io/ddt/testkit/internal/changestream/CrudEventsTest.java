package io.ddt.testkit.internal.changestream;

import static io.ddt.testkit.internal.changestream.Entries.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonTimestamp;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.Test;

class CrudEventsTest {

    private static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final ChangeStreamOptions COLL = ChangeStreamOptions.collection("shop", "orders");
    private static final ChangeStreamOptions EXPANDED = COLL.withExpandedEvents(true);

    @Test
    void insertShowsTheDocumentAndItsKeyFromO2() {
        BsonDocument entry = Entries.insert(3, "shop.orders", "{_id: 1, sku: 'a'}");
        entry.put("o2", BsonDocument.parse("{region: 'eu', _id: 1}"));

        BsonDocument event = only(COLL, entry);

        assertThat(withoutId(event)).isEqualTo(json("{operationType: 'insert',"
                + " clusterTime: {$timestamp: {t: " + SECONDS + ", i: 3}},"
                + " wallTime: {$date: {$numberLong: '" + (SECONDS * 1000L + 3) + "'}},"
                + " fullDocument: {_id: 1, sku: 'a'}, ns: {db: 'shop', coll: 'orders'},"
                + " documentKey: {region: 'eu', _id: 1}}"));
    }

    @Test
    void insertWrittenBefore53TakesItsKeyFromTheId() {
        BsonDocument entry = Entries.insert(3, "shop.orders", "{_id: 1, sku: 'a'}");
        entry.remove("o2");

        assertThat(only(COLL, entry).getDocument("documentKey"))
                .isEqualTo(BsonDocument.parse("{_id: 1}"));
    }

    @Test
    void updateDescribesItsDiffAndShowsTheCollectionUuidOnlyWithExpandedEvents() {
        BsonDocument entry = Entries.update(4, "shop.orders", "{_id: 1}",
                "{d: {old: false}, u: {'a.b': 2}, slines: {a: true, l: 1, u0: 'x'}}");

        BsonDocument plain = only(COLL, entry);
        BsonDocument expanded = only(EXPANDED, entry);

        assertThat(plain.keySet()).containsExactly("_id", "operationType", "clusterTime",
                "wallTime", "ns", "documentKey", "updateDescription");
        assertThat(plain.getDocument("updateDescription").toJson(CANONICAL)).isEqualTo(json(
                "{updatedFields: {'a.b': 2, 'lines.0': 'x'}, removedFields: ['old'],"
                + " truncatedArrays: [{field: 'lines', newSize: 1}]}"));
        assertThat(expanded.keySet()).containsExactly("_id", "operationType", "clusterTime",
                "collectionUUID", "wallTime", "ns", "documentKey", "updateDescription");
        assertThat(expanded.get("collectionUUID")).isEqualTo(Entries.UUID_A);
        assertThat(expanded.getDocument("updateDescription").getDocument("disambiguatedPaths"))
                .isEqualTo(BsonDocument.parse("{'a.b': ['a.b']}"));
    }

    @Test
    void wholeDocumentUpdateIsAReplace() {
        BsonDocument event = only(COLL, Entries.replace(5, "shop.orders", "{_id: 1, sku: 'b'}"));

        assertThat(event.getString("operationType").getValue()).isEqualTo("replace");
        assertThat(event.keySet()).containsExactly("_id", "operationType", "clusterTime",
                "wallTime", "fullDocument", "ns", "documentKey");
        assertThat(event.getDocument("fullDocument")).isEqualTo(BsonDocument.parse("{_id: 1, sku: 'b'}"));
    }

    @Test
    void deleteShowsOnlyTheDocumentKey() {
        BsonDocument event = only(COLL, Entries.delete(6, "shop.orders", "{_id: 1}"));

        assertThat(event.getString("operationType").getValue()).isEqualTo("delete");
        assertThat(event.keySet()).containsExactly("_id", "operationType", "clusterTime",
                "wallTime", "ns", "documentKey");
    }

    @Test
    void retryableWriteSessionFieldsStayOutOfTheEvent() {
        BsonDocument entry = Entries.insert(7, "shop.orders", "{_id: 2}")
                .append("lsid", Entries.LSID).append("txnNumber", new BsonInt64(3));

        assertThat(only(COLL, entry)).doesNotContainKeys("lsid", "txnNumber");
    }

    @Test
    void tokenLocatesTheEntry() {
        ResumeTokenData token = ResumeToken.decode(
                only(COLL, Entries.delete(8, "shop.orders", "{_id: 1}")).getDocument("_id"));

        assertThat(token).isEqualTo(ResumeTokenData.event(new BsonTimestamp(SECONDS, 8), 0,
                Entries.UUID_A, new BsonTimestamp(SECONDS, 8), 0));
    }

    @Test
    void modifierUpdatesAreRejectedWithTheEntryNamed() {
        BsonDocument entry = Entries.entry("u", "shop.orders", Entries.UUID_A,
                BsonDocument.parse("{$v: 1, $set: {a: 1}}"), BsonDocument.parse("{_id: 1}"), 9);

        assertThatThrownBy(() -> new ChangeEventBuilder(COLL).eventsFor(entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Timestamp(" + SECONDS + ", 9)")
                .hasMessageContaining("shop.orders")
                .hasMessageContaining("$v");
    }

    @Test
    void fullDocumentLookupGoesWhereTheServerPutsIt() {
        BsonDocument update = only(EXPANDED, Entries.update(4, "shop.orders", "{_id: 1}", "{u: {a: 1}}"));

        BsonDocument looked = ChangeEventBuilder.withFullDocument(update, BsonDocument.parse("{_id: 1, a: 1}"));
        BsonDocument missing = ChangeEventBuilder.withFullDocument(update, BsonNull.VALUE);

        assertThat(looked.keySet()).containsExactly("_id", "operationType", "clusterTime",
                "collectionUUID", "wallTime", "fullDocument", "ns", "documentKey", "updateDescription");
        assertThat(missing.get("fullDocument")).isEqualTo(BsonNull.VALUE);
        assertThat(update).doesNotContainKey("fullDocument");
    }

    private static BsonDocument only(ChangeStreamOptions options, BsonDocument entry) {
        List<BsonDocument> events = new ChangeEventBuilder(options).eventsFor(entry);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static String withoutId(BsonDocument event) {
        BsonDocument copy = event.clone();
        copy.remove("_id");
        return copy.toJson(CANONICAL);
    }

    private static String json(String json) {
        return BsonDocument.parse(json).toJson(CANONICAL);
    }
}
