package io.ddt.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;

import io.ddt.Namespace;
import io.ddt.Position;
import io.ddt.UnreadableEventException;
import io.ddt.event.Delete;
import io.ddt.event.DocumentChange;
import io.ddt.event.EventHeader;
import io.ddt.event.Insert;
import io.ddt.event.Update;
import io.ddt.event.UpdateSpec;
import io.ddt.internal.apply.DocumentWrites;
import io.ddt.testkit.Cluster;
import io.ddt.testkit.Clusters;
import io.ddt.testkit.FakeCluster;

/**
 * What {@link DocumentWrites} does beyond the fixtures: re-applying changes over a later version
 * of a document (a restart, a replay after the copy) converges on the source's document, and
 * names, paths and keys are read as the server reads them.
 */
@Clusters
class DocumentWritesTest {

    private static final Namespace NAMESPACE = Namespace.of("db", "c");
    private static final BsonDocument KEY = BsonDocument.parse("{_id: 1}");

    @Cluster
    static FakeCluster target;

    private MongoCollection<BsonDocument> collection;

    @BeforeEach
    void emptyCollection() {
        collection = target.client().getDatabase("writes").getCollection("c", BsonDocument.class);
        collection.drop();
    }

    @Test
    void insertedFieldsMoveToTheEndSoThatAReplayOverALaterDocumentConverges() {
        collection.insertOne(BsonDocument.parse("{_id: 1, a: 1, r: 1}"));
        List<DocumentChange> history = List.of(diff("{d: {r: false}}"), diff("{i: {r: 2}}"), diff("{i: {h: 3}}"));
        apply(history);
        String source = "{\"_id\": 1, \"a\": 1, \"r\": 2, \"h\": 3}";
        assertThat(only()).isEqualTo(source);

        apply(history);

        assertThat(only()).as("the whole history applied again over its own result").isEqualTo(source);
    }

    @Test
    void aNestedChangeMeetingAnotherTypeWritesNullAndOneMeetingNothingDoesNothing() {
        collection.insertOne(BsonDocument.parse("{_id: 1, a: 5}"));
        collection.insertOne(BsonDocument.parse("{_id: 2}"));
        UpdateSpec nested = new UpdateSpec.Diff(BsonDocument.parse("{sa: {u: {b: 1}}, sl: {a: true, u0: 1}}"));

        apply(List.of(new Update(header(), NAMESPACE, KEY, nested),
            new Update(header(), NAMESPACE, BsonDocument.parse("{_id: 2}"), nested)));

        assertThat(read()).containsExactly("{\"_id\": 1, \"a\": null}", "{\"_id\": 2}");
    }

    @Test
    void anUpdateOfAMissingDocumentCreatesNothing() {
        apply(List.of(diff("{u: {a: 1}}"), diff("{i: {b: 1}}"), description("{updatedFields: {c: 1}, removedFields: []}")));

        assertThat(collection.countDocuments()).isZero();
    }

    @Test
    void namesWithDotsAndDollarsAreWrittenAsNames() {
        collection.insertOne(BsonDocument.parse("{_id: 1, 'a.b': 1, s: {'$t': 1}}"));

        apply(List.of(diff("{u: {'a.b': 2}, i: {'$c': 3, '': 4}, ss: {i: {'p.q': 5}}}")));

        assertThat(only()).isEqualTo("{\"_id\": 1, \"a.b\": 2, \"s\": {\"$t\": 1, \"p.q\": 5}, \"$c\": 3, \"\": 4}");
    }

    @Test
    void aChangeStreamPathWithoutDisambiguationFollowsTheTypeTheTargetHolds() {
        collection.insertOne(BsonDocument.parse("{_id: 1, a: [1, 2]}"));
        collection.insertOne(BsonDocument.parse("{_id: 2, a: {'0': 1}}"));
        String change = "{updatedFields: {'a.0': 'x'}, removedFields: []}";

        apply(List.of(description(change), new Update(header(), NAMESPACE, BsonDocument.parse("{_id: 2}"),
            ChangeSpecs.description(change))));

        assertThat(read()).containsExactly("{\"_id\": 1, \"a\": [\"x\", 2]}", "{\"_id\": 2, \"a\": {\"0\": \"x\"}}");
    }

    @Test
    void changeStreamFieldsLandInTheOrderTheSourceGaveNotInOperatorOrder() {
        collection.insertOne(BsonDocument.parse("{_id: 1, arr: [1, 2, 3, 4]}"));

        apply(List.of(description("{updatedFields: {b: 1, a: 2, 'arr.1': 9}, removedFields: [],"
            + " truncatedArrays: [{field: 'arr', newSize: 2}]}")));

        assertThat(only()).isEqualTo("{\"_id\": 1, \"arr\": [1, 9], \"b\": 1, \"a\": 2}");
    }

    @Test
    void flatChangesAreOperatorUpdatesAndTheRestPipelines() {
        assertThat(((UpdateOneModel<BsonDocument>) DocumentWrites.of(diff("{d: {b: false}, u: {a: 1}}"))).getUpdate())
            .isEqualTo(BsonDocument.parse("{$set: {a: 1}, $unset: {b: ''}}"));
        assertThat(((UpdateOneModel<BsonDocument>) DocumentWrites.of(description("{updatedFields: {a: 1, b: 2},"
            + " removedFields: []}"))).getUpdate()).isNotNull();
        assertThat(((UpdateOneModel<BsonDocument>) DocumentWrites.of(diff("{i: {a: 1}}"))).getUpdatePipeline()).hasSize(1);
        assertThat(((UpdateOneModel<BsonDocument>) DocumentWrites.of(diff("{sa: {u: {b: 1}}}"))).getUpdatePipeline()).hasSize(1);
        Update nestedDollar = new Update(header(), NAMESPACE, KEY, new UpdateSpec.Modifiers(BsonDocument.parse("{$set: {v: {'$x': 1}}}")));
        assertThat(((UpdateOneModel<BsonDocument>) DocumentWrites.of(nestedDollar)).getUpdatePipeline()).hasSize(1);
        Update plain = new Update(header(), NAMESPACE, KEY, new UpdateSpec.Modifiers(BsonDocument.parse("{$inc: {n: 1}}")));
        assertThat(((UpdateOneModel<BsonDocument>) DocumentWrites.of(plain)).getUpdate()).isEqualTo(BsonDocument.parse("{$inc: {n: 1}}"));
    }

    @Test
    void everyWriteFiltersOnTheWholeDocumentKeyShardKeyIncluded() {
        collection.insertOne(BsonDocument.parse("{_id: 1, sk: 2, a: 0}"));
        BsonDocument otherShardKey = BsonDocument.parse("{sk: 1, _id: 1}");

        apply(List.of(new Update(header(), NAMESPACE, otherShardKey, new UpdateSpec.Diff(BsonDocument.parse("{u: {a: 1}}"))),
            new Delete(header(), NAMESPACE, otherShardKey)));

        assertThat(only()).isEqualTo("{\"_id\": 1, \"sk\": 2, \"a\": 0}");
    }

    @Test
    void aDocumentWithTopLevelDollarNamesIsInsertedAndReplacedWhole() {
        BsonDocument document = BsonDocument.parse("{_id: 1, '$price': 5, q: 1}");

        apply(List.of(new Insert(header(), NAMESPACE, KEY, document), new Insert(header(), NAMESPACE, KEY, document)));

        assertThat(only()).isEqualTo("{\"_id\": 1, \"$price\": 5, \"q\": 1}");
    }

    @Test
    void modifierPathsThroughDollarNamesAreAppliedAsTheSourceDid() {
        collection.insertOne(BsonDocument.parse("{_id: 1, a: {}, l: []}"));

        apply(List.of(new Update(header(), NAMESPACE, KEY, new UpdateSpec.Modifiers(
            BsonDocument.parse("{$set: {'a.$b': 1, 'n.m': 2, 'l.1.c': 3}, $unset: {'$gone': true}}")))));

        assertThat(only()).isEqualTo("{\"_id\": 1, \"a\": {\"$b\": 1}, \"l\": [null, {\"c\": 3}], \"n\": {\"m\": 2}}");
    }

    @Test
    void aChangeTwentyLevelsDeepStaysWithinTheServersNestingLimitForCommands() {
        BsonDocument document = new BsonDocument("leaf", new org.bson.BsonInt32(0));
        String diff = "{u: {leaf: 1}}";
        for (int level = 0; level < 20; level++) {
            document = new BsonDocument("n", document);
            diff = "{sn: " + diff + "}";
        }
        collection.insertOne(new BsonDocument("_id", new org.bson.BsonInt32(1)).append("n", document.get("n")));
        UpdateOneModel<BsonDocument> write = (UpdateOneModel<BsonDocument>) DocumentWrites.of(diff(diff));

        apply(List.of(diff(diff)));

        // update command, updates array, statement, pipeline array, stage: five levels above the stage's value
        assertThat(5 + depth((BsonDocument) write.getUpdatePipeline().get(0))).isLessThanOrEqualTo(200);
        assertThat(only()).contains("\"leaf\": 1");
    }

    private static int depth(org.bson.BsonValue value) {
        if (value.isDocument()) {
            return 1 + value.asDocument().values().stream().mapToInt(DocumentWritesTest::depth).max().orElse(0);
        }
        if (value.isArray()) {
            return 1 + value.asArray().stream().mapToInt(DocumentWritesTest::depth).max().orElse(0);
        }
        return 0;
    }

    @Test
    void aMalformedUpdateFailsNamingTheEventButNotItsValues() {
        Update twice = diff("{u: {a: 'secret'}, i: {a: 'secret'}}");

        assertThatThrownBy(() -> DocumentWrites.of(twice)).isInstanceOf(UnreadableEventException.class)
            .hasMessageContaining("Update[db.c").hasMessageNotContaining("secret");
    }

    private static Update diff(String diff) {
        return new Update(header(), NAMESPACE, KEY, new UpdateSpec.Diff(BsonDocument.parse(diff)));
    }

    private static Update description(String description) {
        return new Update(header(), NAMESPACE, KEY, ChangeSpecs.description(description));
    }

    private static EventHeader header() {
        return EventHeader.at(Position.of(new BsonTimestamp(1, 1)));
    }

    private void apply(List<? extends DocumentChange> changes) {
        for (DocumentChange change : changes) {
            List<WriteModel<BsonDocument>> write = List.of(DocumentWrites.of(change));
            collection.bulkWrite(write);
        }
    }

    private String only() {
        List<String> documents = read();
        assertThat(documents).hasSize(1);
        return documents.get(0);
    }

    private List<String> read() {
        return collection.find().into(new ArrayList<>()).stream().map(BsonDocument::toJson).toList();
    }

    /** Reads a change stream's update description the way {@code ChangeEvents} does. */
    private static final class ChangeSpecs {
        static UpdateSpec description(String json) {
            BsonDocument event = new BsonDocument("_id", new BsonDocument("_data", new org.bson.BsonString("00")))
                .append("operationType", new org.bson.BsonString("update"))
                .append("clusterTime", new BsonTimestamp(1, 1))
                .append("ns", BsonDocument.parse("{db: 'db', coll: 'c'}"))
                .append("documentKey", KEY)
                .append("updateDescription", BsonDocument.parse(json));
            return ((Update) io.ddt.event.ChangeEvents.fromChangeStream(event)).spec();
        }
    }
}
