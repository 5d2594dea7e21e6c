package io.ddt.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/** The oplog entries a 7.0 member writes for each kind of write. */
abstract class OplogConformance extends ConformanceSupport {

    @Test
    void insertIsLoggedWithCollectionUuidAndDocumentKey() {
        MongoDatabase db = freshDatabase();
        db.createCollection("a");
        db.createCollection("b");
        BsonTimestamp start = lastTs();
        db.getCollection("a").insertOne(doc("_id", 1, "x", "one"));
        db.getCollection("b").insertOne(doc("_id", 2));
        List<BsonDocument> entries = changesAfter(start, db.getName());
        assertThat(entries).hasSize(2);
        BsonDocument insert = entries.get(0);
        assertThat(insert.getString("op").getValue()).isEqualTo("i");
        assertThat(insert.getString("ns").getValue()).isEqualTo(db.getName() + ".a");
        assertThat(insert.getDocument("o")).isEqualTo(BsonDocument.parse("{_id: 1, x: 'one'}"));
        assertThat(insert.getDocument("o2")).isEqualTo(BsonDocument.parse("{_id: 1}"));
        assertThat(insert.getBinary("ui").getType()).isEqualTo((byte) 4);
        assertThat(insert.get("ui")).isNotEqualTo(entries.get(1).get("ui"));
        assertThat(insert).containsKeys("ts", "t", "v", "wall").doesNotContainKey("_id");
        assertThat(insert.getInt64("v").getValue()).isEqualTo(2);
    }

    @Test
    void operatorUpdatesAreLoggedAsV2Diffs() {
        MongoCollection<Document> coll = freshDatabase().getCollection("c");
        coll.insertOne(doc("_id", 1, "a", 1, "b", doc("c", 2, "d", 3), "arr", List.of(1, 2, 3), "gone", true));
        BsonTimestamp start = lastTs();
        coll.updateOne(Filters.eq("_id", 1), Updates.set("b.c", 5));
        coll.updateOne(Filters.eq("_id", 1), Updates.unset("gone"));
        coll.updateOne(Filters.eq("_id", 1), Updates.push("arr", 4));
        coll.updateOne(Filters.eq("_id", 1), Updates.popLast("arr"));
        coll.updateOne(Filters.eq("_id", 1), Updates.set("z", "new"));
        List<BsonDocument> entries = changesAfter(start, coll.getNamespace().getDatabaseName());
        assertThat(entries).extracting(e -> e.getDocument("o").toJson()).containsExactly(
            "{\"$v\": 2, \"diff\": {\"sb\": {\"u\": {\"c\": 5}}}}",
            "{\"$v\": 2, \"diff\": {\"d\": {\"gone\": false}}}",
            "{\"$v\": 2, \"diff\": {\"sarr\": {\"a\": true, \"u3\": 4}}}",
            "{\"$v\": 2, \"diff\": {\"sarr\": {\"a\": true, \"l\": 3}}}",
            "{\"$v\": 2, \"diff\": {\"i\": {\"z\": \"new\"}}}");
        assertThat(entries).allSatisfy(e -> assertThat(e.getDocument("o2")).isEqualTo(BsonDocument.parse("{_id: 1}")));
    }

    @Test
    void replacementIsLoggedAsTheWholeDocument() {
        MongoCollection<Document> coll = freshDatabase().getCollection("c");
        coll.insertOne(doc("_id", 1, "a", 1));
        BsonTimestamp start = lastTs();
        coll.replaceOne(Filters.eq("_id", 1), doc("b", 2));
        BsonDocument entry = changesAfter(start, coll.getNamespace().getDatabaseName()).get(0);
        assertThat(entry.getString("op").getValue()).isEqualTo("u");
        assertThat(entry.getDocument("o")).isEqualTo(BsonDocument.parse("{_id: 1, b: 2}"));
        assertThat(entry.getDocument("o2")).isEqualTo(BsonDocument.parse("{_id: 1}"));
    }

    @Test
    void deletesAndFindAndModifyVariantsAreLogged() {
        MongoCollection<Document> coll = freshDatabase().getCollection("c");
        coll.insertMany(List.of(doc("_id", 1, "n", 1), doc("_id", 2, "n", 2), doc("_id", 3, "n", 3)));
        BsonTimestamp start = lastTs();
        Document updated = coll.findOneAndUpdate(Filters.eq("_id", 1), Updates.inc("n", 10),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        coll.findOneAndReplace(Filters.eq("_id", 2), doc("m", 1));
        Document deleted = coll.findOneAndDelete(Filters.eq("_id", 3));
        coll.deleteOne(Filters.eq("_id", 2));
        assertThat(updated.getInteger("n")).isEqualTo(11);
        assertThat(deleted.getInteger("n")).isEqualTo(3);
        List<BsonDocument> entries = changesAfter(start, coll.getNamespace().getDatabaseName());
        assertThat(entries).extracting(e -> e.getString("op").getValue()).containsExactly("u", "u", "d", "d");
        assertThat(entries.get(0).getDocument("o")).isEqualTo(BsonDocument.parse("{$v: 2, diff: {u: {n: 11}}}"));
        assertThat(entries.get(1).getDocument("o")).isEqualTo(BsonDocument.parse("{_id: 2, m: 1}"));
        assertThat(entries.get(2).getDocument("o")).isEqualTo(BsonDocument.parse("{_id: 3}"));
    }

    @Test
    void rejectedWritesAreNotLogged() {
        MongoCollection<Document> coll = freshDatabase().getCollection("c");
        coll.insertOne(doc("_id", 1));
        BsonTimestamp start = lastTs();
        assertThatThrownBy(() -> coll.insertOne(doc("_id", 1))).isInstanceOf(MongoWriteException.class)
            .hasMessageContaining("E11000");
        assertThat(changesAfter(start, coll.getNamespace().getDatabaseName())).isEmpty();
    }

    @Test
    void upsertsAreLoggedAsInserts() {
        MongoCollection<Document> coll = freshDatabase().getCollection("c");
        coll.insertOne(doc("_id", 0));
        BsonTimestamp start = lastTs();
        coll.updateOne(Filters.eq("_id", 7), Updates.set("a", 1), new com.mongodb.client.model.UpdateOptions().upsert(true));
        BsonDocument entry = changesAfter(start, coll.getNamespace().getDatabaseName()).get(0);
        assertThat(entry.getString("op").getValue()).isEqualTo("i");
        assertThat(entry.getDocument("o")).isEqualTo(BsonDocument.parse("{_id: 7, a: 1}"));
    }

    @Test
    void pipelineUpdatesWork() {
        MongoCollection<Document> coll = freshDatabase().getCollection("c");
        coll.insertOne(doc("_id", 1, "arr", List.of(1, 2, 3, 4)));
        coll.updateOne(Filters.eq("_id", 1), List.of(new Document("$set",
            new Document("arr", new Document("$concatArrays", List.of(new Document("$slice", List.of("$arr", 2)), List.of(9)))))));
        assertThat(coll.find().first().getList("arr", Integer.class)).containsExactly(1, 2, 9);
    }
}
