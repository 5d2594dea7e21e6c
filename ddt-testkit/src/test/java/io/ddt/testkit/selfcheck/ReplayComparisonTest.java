package io.ddt.testkit.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.ddt.testkit.FakeCluster;

/** The self-check notices a lost entry, and says which documents and entries to look at. */
class ReplayComparisonTest {

    @Test
    void lostEntriesShowAsMissingExtraAndDifferentDocumentsWithTheEntriesThatTouchedThem() {
        try (FakeCluster cluster = FakeCluster.start()) {
            MongoClient client = cluster.client();
            MongoCollection<BsonDocument> coll = client.getDatabase("d").getCollection("c", BsonDocument.class);
            coll.insertMany(List.of(BsonDocument.parse("{_id: 1}"), BsonDocument.parse("{_id: 2, a: 1}"), BsonDocument.parse("{_id: 3}")));
            coll.updateOne(Filters.eq("_id", 2), Updates.set("a", 2));
            coll.deleteOne(Filters.eq("_id", 3));
            coll.insertOne(BsonDocument.parse("{_id: 4}"));
            client.getDatabase("d").getCollection("lost", BsonDocument.class).insertOne(BsonDocument.parse("{_id: 1}"));
            List<RawBsonDocument> oplog = oplog(client);
            OplogReplayer replayer = new OplogReplayer();
            oplog.stream().filter(entry -> !lost(entry)).forEach(replayer::apply);

            ReplayComparison comparison = ReplayComparison.compare(client, replayer, 2);
            String report = ReplayReport.describe("seed 42", comparison, replayer, oplog);

            assertThat(comparison.matches()).isFalse();
            assertThat(comparison.onlyOnCluster()).containsExactly("d.lost");
            ReplayComparison.NamespaceDifference difference = comparison.differences().get(0);
            assertThat(difference.namespace()).isEqualTo("d.c");
            assertThat(difference.missing()).containsExactly(IdKey.of(new BsonInt32(4)));
            assertThat(difference.extra()).containsExactly(IdKey.of(new BsonInt32(3)));
            assertThat(difference.different()).containsExactly(IdKey.of(new BsonInt32(2)));
            assertThat(report).contains("seed 42", "namespaces only on the cluster: [d.lost]",
                "namespace d.c: 1 only on the cluster, 1 only in the replay, 1 different (0 of them in field order only)",
                "cluster: {\"_id\": 2, \"a\": 2}", "replay:  {\"_id\": 2, \"a\": 1}",
                "\"o\": {\"$v\": 2, \"diff\": {\"u\": {\"a\": 2}}}");
        }
    }

    @Test
    void documentsThatDifferOnlyInNumericTypeOrFieldOrderDiffer() {
        try (FakeCluster cluster = FakeCluster.start()) {
            MongoClient client = cluster.client();
            client.getDatabase("d").getCollection("c", BsonDocument.class)
                .insertMany(List.of(BsonDocument.parse("{_id: 1, n: 1}"), BsonDocument.parse("{_id: 2, a: 1, b: 2}")));
            OplogReplayer replayer = new OplogReplayer();
            for (RawBsonDocument entry : oplog(client)) {
                BsonDocument copy = entry.decode(new BsonDocumentCodec());
                if (copy.getString("op").getValue().equals("i")) {
                    copy.put("o", BsonDocument.parse(copy.getDocument("o").getInt32("_id").getValue() == 1
                        ? "{_id: 1, n: {$numberLong: '1'}}" : "{_id: 2, b: 2, a: 1}"));
                }
                replayer.apply(copy);
            }

            ReplayComparison comparison = ReplayComparison.compare(client, replayer, 10);

            assertThat(comparison.differences()).singleElement().satisfies(d -> {
                assertThat(d.differentCount()).isEqualTo(2);
                assertThat(d.orderOnlyCount()).isEqualTo(1);
            });
        }
    }

    /** The update of _id 2, the delete of _id 3, the insert of _id 4 and all of d.lost. */
    private static boolean lost(BsonDocument entry) {
        BsonDocument o = entry.getDocument("o");
        return switch (entry.getString("op").getValue()) {
            case "u", "d" -> true;
            case "i" -> entry.getString("ns").getValue().equals("d.lost") || o.get("_id").equals(new BsonInt32(4));
            case "c" -> o.getString("create", new BsonString("")).getValue().equals("lost");
            default -> false;
        };
    }

    private static List<RawBsonDocument> oplog(MongoClient client) {
        return client.getDatabase("local").getCollection("oplog.rs", RawBsonDocument.class)
            .find().sort(Sorts.ascending("$natural")).into(new ArrayList<>());
    }
}
