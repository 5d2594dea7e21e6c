package io.ddt.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.Test;

import io.ddt.Namespace;
import io.ddt.Position;

/**
 * Every kind of event can be logged: its {@code toString()} names kind, namespace, sizes and
 * position, and never a value from a document, key, option, update or resume token.
 */
class EventTextTest {

    private static final String MARKER = UnreadableEntriesTest.MARKER;
    private static final Namespace NS = Namespace.parse("shop.orders");
    private static final BsonDocument SECRET = BsonDocument.parse("{_id: '" + MARKER + "', card: '" + MARKER + "'}");
    private static final EventHeader HEADER = new EventHeader(
        Position.of(new BsonTimestamp(1_700_000_000, 3), BsonDocument.parse("{_data: '" + MARKER + "'}")), null, true,
        new TransactionId(BsonDocument.parse("{id: '" + MARKER + "'}"), 5));

    @Test
    void noKindOfEventPrintsAValue() {
        List<ChangeEvent> events = everyKind();

        assertThat(events).extracting(ChangeEvent::getClass).doesNotHaveDuplicates().hasSize(15);
        assertThat(events).allSatisfy(event -> assertThat(event.toString())
            .doesNotContain(MARKER).contains("Timestamp(1700000000, 3) token #", "fromMigrate", "txnNumber 5"));
    }

    @Test
    void documentChangesNameTheirKindNamespaceAndSizes() {
        Insert insert = new Insert(EventHeader.at(Position.of(new BsonTimestamp(7, 1))), NS, new BsonDocument("_id", SECRET.get("_id")), SECRET);

        assertThat(insert).hasToString("Insert[shop.orders, documentKey of 1 field, document of 2 fields, at Timestamp(7, 1)]");
    }

    @Test
    void ddlNamesIndexesAndOptionsButNotTheirValues() {
        EventHeader header = EventHeader.at(Position.of(new BsonTimestamp(7, 2)));
        CreateIndexes indexes = new CreateIndexes(header, NS, List.of(BsonDocument.parse("{name: 'a_1', key: {a: 1}}"),
            BsonDocument.parse("{name: 'b_1', key: {b: 1}}")));
        Create view = new Create(header, NS, BsonDocument.parse("{viewOn: 'raw', pipeline: [{$match: {x: '" + MARKER + "'}}]}"));

        assertThat(indexes).hasToString("CreateIndexes[shop.orders, [a_1, b_1], at Timestamp(7, 2)]");
        assertThat(view).hasToString("Create[shop.orders, view, options [viewOn, pipeline], at Timestamp(7, 2)]");
    }

    @Test
    void everyUpdateFormNamesItsShapeOnly() {
        List<UpdateSpec> specs = List.of(new UpdateSpec.Diff(BsonDocument.parse("{u: {card: '" + MARKER + "'}, scard: {i: {x: 1}}}")),
            new UpdateSpec.Modifiers(BsonDocument.parse("{$set: {card: '" + MARKER + "'}, $unset: {x: 1}}")),
            new UpdateSpec.Description(SECRET, List.of("card"), List.of(new UpdateSpec.TruncatedArray("items", 1)), null));

        assertThat(specs).extracting(Object::toString).containsExactly("$v:2 diff of 2 sections",
            "modifiers [$set, $unset]", "updateDescription[2 updated, 1 removed, 1 truncated]");
    }

    private static List<ChangeEvent> everyKind() {
        BsonDocument key = new BsonDocument("_id", SECRET.get("_id"));
        BsonDocument secretOptions = BsonDocument.parse("{validator: {card: '" + MARKER + "'}, index: {name: 'a_1'}}");
        Insert insert = new Insert(HEADER, NS, key, SECRET);
        return List.of(insert,
            new Update(HEADER, NS, key, new UpdateSpec.Diff(BsonDocument.parse("{u: {card: '" + MARKER + "'}}"))),
            new Replace(HEADER, NS, key, SECRET),
            new Delete(HEADER, NS, key),
            new Create(HEADER, NS, secretOptions),
            new Drop(HEADER, NS),
            new Rename(HEADER, NS, Namespace.parse("shop.old"), true),
            new CreateIndexes(HEADER, NS, List.of(BsonDocument.parse("{name: 'a_1', key: {a: 1}, partialFilterExpression: {card: '"
                + MARKER + "'}}"))),
            new DropIndexes(HEADER, NS, List.of("a_1")),
            new CollMod(HEADER, NS, secretOptions),
            new ConvertToCapped(HEADER, NS, 1024),
            new DropDatabase(HEADER, "shop"),
            new Transaction(HEADER, List.of(insert)),
            new Noop(HEADER, Noop.OPLOG_NOOP),
            new Invalidate(HEADER));
    }
}
