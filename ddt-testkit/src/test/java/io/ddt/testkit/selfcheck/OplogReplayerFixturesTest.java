package io.ddt.testkit.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;

import io.ddt.testkit.internal.oplog.Fixtures;

/**
 * The replayer against entries real servers wrote (shared/fixtures/oplog-cases.jsonl): each
 * single-document entry of the 7.0 format turns the case's document before into exactly its
 * document after, and every DDL and no-op entry is understood.
 */
class OplogReplayerFixturesTest {

    private static final Set<String> DOCUMENT_CATEGORIES = Set.of("insert", "replace", "delete", "update-v2-diff");

    @Test
    void everySingleDocumentEntryTurnsItsPreImageIntoItsPostImageByteForByte() {
        List<BsonDocument> cases = cases(DOCUMENT_CATEGORIES);
        assertThat(cases).hasSizeGreaterThan(60);
        for (BsonDocument fixture : cases) {
            BsonDocument entry = fixture.getDocument("entry");
            String namespace = entry.getString("ns").getValue();
            OplogReplayer replayer = withCollection(namespace, fixture.get("pre"));
            replayer.apply(entry);

            List<String> stored = replayer.documents(namespace).values().stream().map(BsonDocument::toJson).toList();
            List<String> expected = fixture.isNull("post") ? List.of() : List.of(fixture.getDocument("post").toJson());
            assertThat(stored).as(fixture.getString("name").getValue()).isEqualTo(expected);
            assertThat(replayer.anomalies()).as(fixture.getString("name").getValue()).isEmpty();
        }
    }

    @Test
    void everyDdlAndNoopEntryIsUnderstood() {
        List<BsonDocument> cases = cases(Set.of("ddl-create", "ddl-drop", "ddl-rename", "ddl-createIndexes",
            "ddl-dropIndexes", "ddl-collMod", "ddl-dropDatabase", "noop"));
        assertThat(cases).hasSizeGreaterThan(20);
        for (BsonDocument fixture : cases) {
            OplogReplayer replayer = new OplogReplayer();
            for (BsonValue entry : entries(fixture)) {
                replayer.apply(entry.asDocument());
            }
            assertThat(replayer.entriesApplied()).as(fixture.getString("name").getValue()).isPositive();
        }
    }

    private static OplogReplayer withCollection(String namespace, BsonValue pre) {
        OplogReplayer replayer = new OplogReplayer();
        int dot = namespace.indexOf('.');
        replayer.apply(BsonDocument.parse("{ts: {$timestamp: {t: 1, i: 1}}, op: 'c', o: {}}")
            .append("ns", new BsonString(namespace.substring(0, dot) + ".$cmd"))
            .append("o", new BsonDocument("create", new BsonString(namespace.substring(dot + 1)))));
        if (pre != null && pre.isDocument()) {
            replayer.apply(BsonDocument.parse("{ts: {$timestamp: {t: 1, i: 2}}, op: 'i'}")
                .append("ns", new BsonString(namespace)).append("o", pre));
        }
        return replayer;
    }

    private static List<BsonDocument> cases(Set<String> categories) {
        List<BsonDocument> cases = new ArrayList<>();
        for (BsonDocument fixture : Fixtures.all()) {
            if (fixture.getString("kind").getValue().equals("oplog")
                    && categories.contains(fixture.getString("category").getValue())
                    && !fixture.getBoolean("prePostUnknown", BsonBoolean.FALSE).getValue()) {
                cases.add(fixture);
            }
        }
        return cases;
    }

    private static BsonArray entries(BsonDocument fixture) {
        BsonValue entry = fixture.get("entry");
        return entry.isArray() ? entry.asArray() : new BsonArray(List.of(entry));
    }
}
