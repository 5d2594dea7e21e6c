package io.ddt.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import io.ddt.Namespace;
import io.ddt.Position;
import io.ddt.event.DocumentChange;
import io.ddt.event.EventHeader;
import io.ddt.event.Replace;
import io.ddt.event.Update;
import io.ddt.event.UpdateSpec;
import io.ddt.internal.apply.DocumentWrites;
import io.ddt.testkit.Cluster;
import io.ddt.testkit.Clusters;
import io.ddt.testkit.FakeCluster;
import io.ddt.testkit.internal.oplog.DocDiff;
import io.ddt.testkit.internal.oplog.RandomDocuments;

/**
 * Random histories of one document, each change logged as a {@code $v:2} diff (or, where the
 * server would, a replacement): the target writes give exactly the next version, and a replay
 * of any suffix of the history over any later version ends where a secondary applying the same
 * entries ends (the server's diff applier, {@link DocDiff#apply}), which is the source's last
 * version unless a later type change left a null behind for a still later entry to overwrite.
 * A failure names the seed and the history.
 */
@Clusters
class DocumentWritesReplayPropertyTest {

    private static final long SEED = 20_250_401L;
    private static final int HISTORIES = 60;
    private static final int LENGTH = 5;
    private static final Namespace NAMESPACE = Namespace.of("replay", "c");

    @Cluster
    static FakeCluster target;

    @Test
    void replayingAnySuffixOverAnyLaterVersionEndsWhereASecondaryEnds() {
        Random random = new Random(SEED);
        RandomDocuments documents = new RandomDocuments(random);
        MongoCollection<BsonDocument> collection = target.client().getDatabase("replay").getCollection("c", BsonDocument.class);
        int converged = 0;
        for (int history = 0; history < HISTORIES; history++) {
            BsonInt32 id = new BsonInt32(history);
            List<BsonDocument> versions = versions(documents, id);
            List<DocumentChange> changes = changes(versions);
            String context = "seed " + SEED + ", history " + history + ": " + versions;
            for (int i = 0; i < changes.size(); i++) {
                assertThat(applied(collection, versions.get(i), changes.subList(i, i + 1)))
                    .as("one change over its own pre-image; " + context).isEqualTo(versions.get(i + 1).toJson());
            }
            int start = random.nextInt(changes.size());
            BsonDocument later = versions.get(start + random.nextInt(versions.size() - start));
            String secondary = secondary(later, changes.subList(start, changes.size())).toJson();
            assertThat(applied(collection, later, changes.subList(start, changes.size())))
                .as("changes " + start + ".. over " + later + "; " + context).isEqualTo(secondary);
            converged += secondary.equals(versions.get(versions.size() - 1).toJson()) ? 1 : 0;
        }
        assertThat(converged).as("histories whose replay ended at the source's last version").isGreaterThan(HISTORIES / 2);
    }

    /** The document's versions, each a random edit of the one before, with its own _id first. */
    private static List<BsonDocument> versions(RandomDocuments documents, BsonInt32 id) {
        List<BsonDocument> versions = new ArrayList<>();
        versions.add(withId(id, documents.document(0)));
        while (versions.size() <= LENGTH) {
            BsonDocument next = withId(id, documents.edit(versions.get(versions.size() - 1)));
            if (!next.equals(versions.get(versions.size() - 1)) || !next.toJson().equals(versions.get(versions.size() - 1).toJson())) {
                versions.add(next);
            }
        }
        return versions;
    }

    /** Each step as the server logs it: a diff, or the whole document where the diff is not smaller. */
    private static List<DocumentChange> changes(List<BsonDocument> versions) {
        List<DocumentChange> changes = new ArrayList<>();
        EventHeader header = EventHeader.at(Position.of(new BsonTimestamp(1, 1)));
        for (int i = 1; i < versions.size(); i++) {
            BsonDocument key = new BsonDocument("_id", versions.get(i).get("_id"));
            BsonDocument diff = DocDiff.compute(versions.get(i - 1), versions.get(i));
            changes.add(diff == null ? new Replace(header, NAMESPACE, key, versions.get(i))
                : new Update(header, NAMESPACE, key, new UpdateSpec.Diff(diff)));
        }
        return changes;
    }

    private static String applied(MongoCollection<BsonDocument> collection, BsonDocument start, List<DocumentChange> changes) {
        collection.deleteMany(new BsonDocument());
        collection.insertOne(start);
        for (DocumentChange change : changes) {
            collection.bulkWrite(List.of(DocumentWrites.of(change)));
        }
        return collection.find(Filters.eq("_id", start.get("_id"))).first().toJson();
    }

    /** What a secondary makes of the changes over a document. */
    private static BsonDocument secondary(BsonDocument start, List<DocumentChange> changes) {
        BsonDocument document = start;
        for (DocumentChange change : changes) {
            document = change instanceof Update update ? DocDiff.apply(document, ((UpdateSpec.Diff) update.spec()).diff())
                : ((Replace) change).document();
        }
        return document;
    }

    private static BsonDocument withId(BsonValue id, BsonDocument document) {
        BsonDocument result = new BsonDocument("_id", id);
        document.forEach((name, value) -> {
            if (!name.equals("_id")) {
                result.append(name, value);
            }
        });
        return result;
    }
}
