package io.ddt.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.bson.BsonDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.mongodb.client.MongoCollection;

import io.ddt.DdtException;
import io.ddt.event.ChangeEvent;
import io.ddt.event.DocumentChange;
import io.ddt.event.Noop;
import io.ddt.internal.apply.DocumentWrites;
import io.ddt.testkit.Cluster;
import io.ddt.testkit.Clusters;
import io.ddt.testkit.FakeCluster;

/**
 * Every document change of {@code shared/fixtures/oplog-cases.jsonl} round-trips through
 * {@link DocumentWrites}: with the case's {@code pre} on the target, the write (applied once,
 * then again) leaves exactly the case's {@code post}, field order and numeric types included.
 * Each case gets its own collection; the case's namespace does not matter to the write.
 */
@Clusters
class DocumentWritesFixturesTest {

    private static final AtomicInteger COLLECTIONS = new AtomicInteger();

    @Cluster
    static FakeCluster target;

    static Stream<Arguments> documentCases() {
        return FixtureCases.withCategory("insert", "update", "replace", "delete", "applyOps");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentCases")
    void leavesExactlyThePostImageAndLeavesItAgainWhenAppliedTwice(String name, BsonDocument fixture) {
        List<ChangeEvent> events = FixtureCases.events(fixture);
        assertThat(events).isNotEmpty();
        if (FixtureCases.prePostUnknown(fixture)) {
            return;
        }
        if (name.startsWith("v2diff.applier.Binary")) {
            assertThatThrownBy(() -> DocumentWrites.of((DocumentChange) events.get(0)))
                .isInstanceOf(DdtException.class).hasMessageContaining("binary data");
            return;
        }
        MongoCollection<BsonDocument> collection = target.client().getDatabase("fixtures")
            .getCollection("case" + COLLECTIONS.incrementAndGet(), BsonDocument.class);
        List<BsonDocument> pre = FixtureCases.documents(fixture, "pre");
        if (!pre.isEmpty()) {
            collection.insertMany(pre);
        }
        List<BsonDocument> post = FixtureCases.documents(fixture, "post");

        apply(collection, events);
        assertThat(json(read(collection))).as("after one application").isEqualTo(json(expected(fixture, pre, post)));
        apply(collection, events);
        assertThat(json(read(collection))).as("after a second application").isEqualTo(json(expected(fixture, pre, post)));
    }

    /**
     * What the target holds afterwards: the post image; but an update of a document the case
     * does not show before (a documentation example) leaves nothing, since an update never
     * creates a document.
     */
    private static List<BsonDocument> expected(BsonDocument fixture, List<BsonDocument> pre, List<BsonDocument> post) {
        boolean update = fixture.getString("category").getValue().startsWith("update");
        return update && pre.isEmpty() ? List.of() : post;
    }

    private static void apply(MongoCollection<BsonDocument> collection, List<ChangeEvent> events) {
        for (ChangeEvent event : events) {
            if (event instanceof DocumentChange change) {
                collection.bulkWrite(List.of(DocumentWrites.of(change)));
            } else {
                assertThat(event).isInstanceOf(Noop.class);
            }
        }
    }

    private static List<BsonDocument> read(MongoCollection<BsonDocument> collection) {
        return collection.find().into(new ArrayList<>());
    }

    private static List<String> json(List<BsonDocument> documents) {
        return documents.stream().map(d -> d.toJson(FixtureCases.EXACT)).sorted(Comparator.naturalOrder()).toList();
    }
}
