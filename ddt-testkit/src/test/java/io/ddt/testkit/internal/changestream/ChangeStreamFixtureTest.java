package io.ddt.testkit.internal.changestream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every changeStream fixture against the event we build from the equivalent 7.0 oplog entry:
 * same fields in the same order, same values (canonical Extended JSON, so types count), and a
 * token for the same cluster time. Fixtures from older servers lack fields 7.0 adds; those are
 * taken out of our event before comparing. Where a fixture's field order comes from a
 * documentation page rather than a server, the server's order is written here with the reason.
 */
class ChangeStreamFixtureTest {

    private static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final Set<String> EXPANDED_ONLY =
            Set.of("create", "createIndexes", "dropIndexes", "modify", "shardCollection");
    private static final String UPDATE_LOOKUP = "changeStream.docs.update.truncatedArrays-updateLookup";
    private static final String CREATE_CAPPED = "changeStream.create.capped";

    /**
     * The docs page lists a rename's {@code to} last, but the server adds it before {@code _id}
     * (the real 4.2 capture shows it first); and it lists an updateLookup's {@code fullDocument}
     * last, but the lookup fills the slot the transformation reserved before {@code ns}.
     */
    private static final Map<String, List<String>> SERVER_KEY_ORDER = Map.of(
            "changeStream.docs.rename", List.of("to", "_id", "operationType", "clusterTime", "ns"),
            UPDATE_LOOKUP, List.of("_id", "operationType", "clusterTime", "fullDocument", "ns",
                    "documentKey", "updateDescription"));

    static Stream<String> changeStreamFixtures() {
        return Fixtures.ofKind("changeStream").stream().map(f -> f.getString("name").getValue());
    }

    static Stream<String> updateFixturesWithBothImages() {
        return FixtureOplog.UPDATE_DIFFS.keySet().stream().sorted()
                .filter(name -> Fixtures.named(name).get("pre").isDocument());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changeStreamFixtures")
    void eventHasTheFixturesShape(String name) {
        BsonDocument fixture = Fixtures.named(name);
        BsonDocument expected = fixture.getDocument("entry").clone();
        expected.remove("fullDocumentBeforeChange"); // pre-images are out of scope
        BsonDocument actual = asOfVersion(produce(fixture, expected),
                fixture.getString("serverVersion").getValue());
        if (name.equals(UPDATE_LOOKUP)) {
            actual = ChangeEventBuilder.withFullDocument(actual, expected.get("fullDocument"));
        }

        List<String> keys = SERVER_KEY_ORDER.getOrDefault(name, List.copyOf(expected.keySet()));
        assertThat(keys).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(actual.keySet()).as(name).containsExactlyElementsOf(keys);
        for (String key : expected.keySet()) {
            if (!key.equals("_id")) {
                assertSameValue(name, key, actual.get(key), expected.get(key));
            }
        }
        assertSameToken(fixture, actual.getDocument("_id"), expected.getDocument("_id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updateFixturesWithBothImages")
    void handWrittenDiffTurnsPreIntoPost(String name) {
        BsonDocument fixture = Fixtures.named(name);
        BsonDocument diff = BsonDocument.parse(FixtureOplog.UPDATE_DIFFS.get(name));

        BsonDocument post = DiffApplier.apply(fixture.getDocument("pre"), diff);

        assertThat(post.toJson(CANONICAL)).isEqualTo(fixture.getDocument("post").toJson(CANONICAL));
    }

    private static BsonDocument produce(BsonDocument fixture, BsonDocument expected) {
        String type = expected.getString("operationType").getValue();
        ChangeEventStream stream = new ChangeEventStream(options(fixture, expected), OplogLookup.none(), null);
        List<BsonDocument> events = new ArrayList<>();
        FixtureOplog.entriesFor(fixture).forEach(entry -> events.addAll(stream.accept(entry)));
        List<BsonDocument> ofType = events.stream()
                .filter(e -> e.getString("operationType").getValue().equals(type)).toList();
        assertThat(ofType).as("events of type " + type + " among " + events).hasSize(1);
        return ofType.get(0);
    }

    private static ChangeStreamOptions options(BsonDocument fixture, BsonDocument expected) {
        String type = expected.getString("operationType").getValue();
        String ns = fixture.getString("ns").getValue();
        ChangeStreamOptions options;
        if (type.equals("dropDatabase")) {
            options = ChangeStreamOptions.database(ns);
        } else if (ns.isEmpty()) {
            options = ChangeStreamOptions.collection("test", "coll");
        } else {
            String[] parts = ns.split("\\.", 2);
            options = ChangeStreamOptions.collection(parts[0], parts[1]);
        }
        return options.withExpandedEvents(expected.containsKey("collectionUUID") || EXPANDED_ONLY.contains(type));
    }

    /** Takes out what 7.0 shows and the fixture's server did not: wallTime (6.0), nsType (7.0), truncatedArrays (5.0). */
    private static BsonDocument asOfVersion(BsonDocument event, String version) {
        BsonDocument copy = event.clone();
        if (version.compareTo("6.0") < 0) {
            copy.remove("wallTime");
        }
        if (version.compareTo("7.0") < 0) {
            copy.remove("nsType");
        }
        if (version.compareTo("5.0") < 0 && copy.containsKey("updateDescription")) {
            copy.getDocument("updateDescription").remove("truncatedArrays");
        }
        return copy;
    }

    private static void assertSameValue(String name, String key, BsonValue actual, BsonValue expected) {
        if (name.equals(CREATE_CAPPED) && key.equals("operationDescription")) {
            // The jstest asserts these options without order; the server copies the create
            // entry's o, where idIndex comes last (see the ddl.create.capped entry).
            assertThat(actual).isEqualTo(expected);
            assertThat(actual.asDocument().getFirstKey()).isEqualTo("capped");
            return;
        }
        assertThat(canonical(actual)).as(name + " " + key).isEqualTo(canonical(expected));
    }

    /** Synthesized tokens do not agree with their own clusterTime; only real ones are compared. */
    private static void assertSameToken(BsonDocument fixture, BsonDocument actual, BsonDocument expected) {
        ResumeTokenData ours = ResumeToken.decode(actual);
        ResumeTokenData theirs = ResumeToken.decode(expected);
        assertThat(ours.clusterTime())
                .isEqualTo(fixture.getDocument("entry").getTimestamp("clusterTime"));
        boolean synthesized = fixture.containsKey("synthesized")
                && fixture.getArray("synthesized").contains(new BsonString("_id"));
        if (!synthesized) {
            assertThat(ours.clusterTime()).isEqualTo(theirs.clusterTime());
            assertThat(ours.txnOpIndex()).isEqualTo(theirs.txnOpIndex());
            assertThat(ours.fromInvalidate()).isEqualTo(theirs.fromInvalidate());
            assertThat(ours.collectionUuid()).isEqualTo(theirs.collectionUuid());
        }
    }

    private static String canonical(BsonValue value) {
        return new BsonDocument("v", value == null ? BsonNull.VALUE : value).toJson(CANONICAL);
    }
}
