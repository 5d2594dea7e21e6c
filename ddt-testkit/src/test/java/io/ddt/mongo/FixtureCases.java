package io.ddt.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.params.provider.Arguments;

import io.ddt.event.ChangeEvent;
import io.ddt.event.ChangeEvents;
import io.ddt.event.Transaction;
import io.ddt.event.TransactionAssembler;
import io.ddt.testkit.internal.oplog.Fixtures;

/**
 * The cases of {@code shared/fixtures/oplog-cases.jsonl} read into events as a streamer reads
 * them: oplog entries through a {@link TransactionAssembler}, change events one by one, and a
 * transaction opened into the changes it holds.
 */
final class FixtureCases {

    /** Canonical extended JSON shows field order and numeric types, so equal text is equal BSON. */
    static final JsonWriterSettings EXACT = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private FixtureCases() {
    }

    /** The cases whose category starts with one of the prefixes, as (name, case) arguments. */
    static Stream<Arguments> withCategory(String... prefixes) {
        return Fixtures.all().stream()
            .filter(c -> Stream.of(prefixes).anyMatch(p -> c.getString("category").getValue().startsWith(p)))
            .map(c -> Arguments.of(c.getString("name").getValue(), c));
    }

    /** The events of a case, transactions opened, in the order the source applied them. */
    static List<ChangeEvent> events(BsonDocument fixture) {
        List<ChangeEvent> read = new ArrayList<>();
        if (fixture.getString("kind").getValue().equals("changeStream")) {
            read.add(ChangeEvents.fromChangeStream(fixture.getDocument("entry")));
        } else {
            TransactionAssembler assembler = new TransactionAssembler();
            for (BsonDocument entry : entries(fixture)) {
                assembler.accept(entry).ifPresent(read::add);
            }
        }
        List<ChangeEvent> events = new ArrayList<>();
        for (ChangeEvent event : read) {
            if (event instanceof Transaction transaction) {
                events.addAll(transaction.events());
            } else {
                events.add(event);
            }
        }
        return events;
    }

    /** The documents a case shows before or after: none, one, or (transactions) an array. */
    static List<BsonDocument> documents(BsonDocument fixture, String field) {
        BsonValue value = fixture.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        return value.isArray() ? value.asArray().stream().map(BsonValue::asDocument).toList() : List.of(value.asDocument());
    }

    static boolean prePostUnknown(BsonDocument fixture) {
        return fixture.getBoolean("prePostUnknown", org.bson.BsonBoolean.FALSE).getValue();
    }

    private static List<BsonDocument> entries(BsonDocument fixture) {
        BsonValue entry = fixture.get("entry");
        return entry.isArray() ? entry.asArray().stream().map(BsonValue::asDocument).toList() : List.of(entry.asDocument());
    }
}
