package io.ddt.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import io.ddt.testkit.FakeCluster;
import io.ddt.testkit.TestCluster;

/**
 * Bugs of the fake cluster that the oplog self-check ({@code io.ddt.testkit.selfcheck}) found,
 * each reduced to its smallest reproduction and kept as a regression test. What each expects is
 * what MongoDB 7.0 does.
 */
class FakeClusterFindingsTest extends ConformanceSupport {

    private static FakeCluster cluster;

    @BeforeAll
    static void start() {
        cluster = FakeCluster.start();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Override
    TestCluster cluster() {
        return cluster;
    }

    /*
     * MongoDB's ObjectReplaceExecutor removes every field of the old document and appends the
     * replacement's fields in their own order; update_stage then moves _id to the front. The
     * oplog logs the replacement as given, so a secondary that applies it stores the same bytes.
     * The fake logs the right entry but stores the fields the old document had in the old
     * document's order, new ones after: the member and its own oplog disagree.
     */

    @Test

    void replaceOneStoresTheReplacementInItsOwnFieldOrder() {
        MongoCollection<BsonDocument> coll = freshDatabase().getCollection("c", BsonDocument.class);
        coll.insertOne(BsonDocument.parse("{_id: 1, a: 1, b: 2, c: 3}"));
        coll.replaceOne(Filters.eq("_id", 1), BsonDocument.parse("{c: 30, b: 20, d: 5}"));
        assertThat(storedJson(coll, 1)).isEqualTo("{\"_id\": 1, \"c\": 30, \"b\": 20, \"d\": 5}");
    }

    @Test

    void findOneAndReplaceStoresTheReplacementInItsOwnFieldOrder() {
        MongoCollection<BsonDocument> coll = freshDatabase().getCollection("c", BsonDocument.class);
        coll.insertOne(BsonDocument.parse("{_id: 1, a: 1, b: 2, c: 3}"));
        coll.findOneAndReplace(Filters.eq("_id", 1), BsonDocument.parse("{c: 30, b: 20, d: 5}"));
        assertThat(storedJson(coll, 1)).isEqualTo("{\"_id\": 1, \"c\": 30, \"b\": 20, \"d\": 5}");
    }

    @Test

    void pipelineUpdateStoresItsResultsFieldOrderWithIdFirst() {
        MongoCollection<BsonDocument> coll = freshDatabase().getCollection("c", BsonDocument.class);
        coll.insertOne(BsonDocument.parse("{_id: 1, a: 1, b: 2, c: 3}"));
        coll.updateOne(Filters.eq("_id", 1), List.of(BsonDocument.parse("{$replaceWith: {c: 30, b: 20, _id: 1}}")));
        assertThat(storedJson(coll, 1)).isEqualTo("{\"_id\": 1, \"c\": 30, \"b\": 20}");
    }

    @Test
    void replacementsAreLoggedInTheReplacementsOwnOrder() {
        MongoCollection<BsonDocument> coll = freshDatabase().getCollection("c", BsonDocument.class);
        coll.insertOne(BsonDocument.parse("{_id: 1, a: 1, b: 2, c: 3}"));
        var start = lastTs();
        coll.replaceOne(Filters.eq("_id", 1), BsonDocument.parse("{c: 30, b: 20, d: 5}"));
        BsonDocument entry = changesAfter(start, coll.getNamespace().getDatabaseName()).get(0);
        assertThat(entry.getDocument("o").toJson()).isEqualTo("{\"_id\": 1, \"c\": 30, \"b\": 20, \"d\": 5}");
    }

    private static String storedJson(MongoCollection<BsonDocument> coll, int id) {
        RawBsonDocument stored = coll.withDocumentClass(RawBsonDocument.class).find(Filters.eq("_id", id)).first();
        return stored == null ? "(none)" : stored.toJson();
    }
}
