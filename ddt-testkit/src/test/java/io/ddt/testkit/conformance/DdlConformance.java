package io.ddt.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.RenameCollectionOptions;
import com.mongodb.client.model.ValidationOptions;

/** The oplog entries and catalog a 7.0 member shows for DDL. */
abstract class DdlConformance extends ConformanceSupport {

    @Test
    void createIsLoggedWithItsOptionsAndIdIndex() {
        MongoDatabase db = freshDatabase();
        BsonTimestamp start = lastTs();
        db.createCollection("capped", new CreateCollectionOptions().capped(true).sizeInBytes(4096).maxDocuments(10));
        BsonDocument entry = changesAfter(start, db.getName()).get(0);
        assertThat(entry.getString("ns").getValue()).isEqualTo(db.getName() + ".$cmd");
        assertThat(entry.getDocument("o").keySet()).containsExactly("create", "capped", "size", "max", "idIndex");
        assertThat(entry.getDocument("o").getDocument("idIndex")).isEqualTo(BsonDocument.parse("{v: 2, key: {_id: 1}, name: '_id_'}"));
        assertThat(entry).containsKey("ui");
    }

    @Test
    void implicitCreationIsLoggedBeforeTheFirstInsert() {
        MongoDatabase db = freshDatabase();
        BsonTimestamp start = lastTs();
        db.getCollection("c").insertOne(doc("_id", 1));
        List<BsonDocument> entries = changesAfter(start, db.getName());
        assertThat(entries).extracting(e -> e.getString("op").getValue()).containsExactly("c", "i");
        assertThat(entries.get(0).get("ui")).isEqualTo(entries.get(1).get("ui"));
    }

    @Test
    void indexBuildsAreLoggedAsCreateIndexesOnEmptyAndTwoPhaseOtherwise() {
        MongoCollection<Document> coll = freshDatabase().getCollection("c");
        coll.createIndex(Indexes.ascending("a"), new IndexOptions().unique(true).name("a_1"));
        BsonTimestamp afterFirst = lastTs();
        coll.insertOne(doc("_id", 1, "b", 1));
        BsonTimestamp start = lastTs();
        coll.createIndex(Indexes.ascending("b"), new IndexOptions().expireAfter(60L, java.util.concurrent.TimeUnit.SECONDS));
        List<BsonDocument> first = entriesAfter(new BsonTimestamp(0), coll.getNamespace().getDatabaseName());
        BsonDocument createIndexes = first.stream().filter(e -> e.getDocument("o").containsKey("createIndexes")).findFirst().orElseThrow();
        assertThat(createIndexes.getDocument("o")).isEqualTo(BsonDocument.parse("{createIndexes: 'c', v: 2, key: {a: 1}, name: 'a_1', unique: true}"));
        assertThat(createIndexes.getTimestamp("ts")).isLessThanOrEqualTo(afterFirst);
        List<BsonDocument> build = changesAfter(start, coll.getNamespace().getDatabaseName());
        assertThat(build).extracting(e -> e.getDocument("o").getFirstKey()).containsExactly("startIndexBuild", "commitIndexBuild");
        assertThat(build.get(0).getDocument("o").getArray("indexes").get(0).asDocument().getString("name").getValue()).isEqualTo("b_1");
    }

    @Test
    void dropIndexesLogsTheDroppedSpec() {
        MongoCollection<Document> coll = freshDatabase().getCollection("c");
        coll.createIndex(Indexes.ascending("f"), new IndexOptions().hidden(true));
        BsonTimestamp start = lastTs();
        coll.dropIndex("f_1");
        BsonDocument entry = changesAfter(start, coll.getNamespace().getDatabaseName()).get(0);
        assertThat(entry.getDocument("o")).isEqualTo(BsonDocument.parse("{dropIndexes: 'c', index: 'f_1'}"));
        assertThat(entry.getDocument("o2")).isEqualTo(BsonDocument.parse("{v: 2, key: {f: 1}, name: 'f_1', hidden: true}"));
    }

    @Test
    void renamesWithinAndAcrossDatabasesKeepTheUuid() {
        MongoDatabase db = freshDatabase();
        MongoDatabase other = freshDatabase();
        MongoCollection<Document> coll = db.getCollection("a");
        coll.insertOne(doc("_id", 1));
        BsonDocument uuid = collectionInfo(db, "a").getDocument("info");
        BsonTimestamp start = lastTs();
        coll.renameCollection(new MongoNamespace(db.getName(), "b"));
        db.getCollection("b").renameCollection(new MongoNamespace(other.getName(), "c"), new RenameCollectionOptions());
        List<BsonDocument> entries = changesAfter(start, db.getName());
        assertThat(entries.get(0).getDocument("o")).isEqualTo(BsonDocument.parse(
            "{renameCollection: '" + db.getName() + ".a', to: '" + db.getName() + ".b', stayTemp: false}"));
        assertThat(entries.get(entries.size() - 1).getDocument("o").getString("to").getValue()).isEqualTo(other.getName() + ".c");
        assertThat(other.getCollection("c").find().first()).isEqualTo(doc("_id", 1));
        assertThat(db.listCollectionNames().into(new ArrayList<>())).isEmpty();
        assertThat(collectionInfo(other, "c").getDocument("info").get("uuid")).isEqualTo(uuid.get("uuid"));
    }

    @Test
    void dropAndDropDatabaseAreLoggedAsAMemberLogsThem() {
        MongoDatabase db = freshDatabase();
        db.getCollection("a").insertMany(List.of(doc("_id", 1), doc("_id", 2)));
        db.getCollection("b").insertOne(doc("_id", 1));
        db.getCollection("z").insertOne(doc("_id", 1));
        BsonTimestamp start = lastTs();
        db.getCollection("z").drop();
        db.drop();
        List<BsonDocument> entries = changesAfter(start, db.getName());
        assertThat(entries).extracting(e -> e.getDocument("o").toJson()).containsExactly(
            "{\"drop\": \"z\"}", "{\"drop\": \"a\"}", "{\"drop\": \"b\"}", "{\"dropDatabase\": 1}");
        assertThat(entries.get(1).getDocument("o2")).isEqualTo(BsonDocument.parse("{numRecords: 2}"));
        assertThat(entries.get(3)).doesNotContainKey("ui");
    }

    @Test
    void collModIsLogged() {
        MongoDatabase db = freshDatabase();
        db.createCollection("c");
        BsonTimestamp start = lastTs();
        db.runCommand(new Document("collMod", "c").append("validator", new Document("a", new Document("$exists", true))));
        BsonDocument entry = changesAfter(start, db.getName()).get(0);
        assertThat(entry.getDocument("o").getFirstKey()).isEqualTo("collMod");
        assertThat(entry.getDocument("o").getDocument("validator")).isEqualTo(BsonDocument.parse("{a: {$exists: true}}"));
    }

    @Test
    void listCollectionsReportsOptionsViewsAndHonoursItsFilter() {
        MongoDatabase db = freshDatabase();
        db.createCollection("v1", new CreateCollectionOptions().validationOptions(new ValidationOptions()
            .validator(Filters.exists("a"))));
        db.createCollection("cap", new CreateCollectionOptions().capped(true).sizeInBytes(8192));
        db.createView("view", "v1", List.of(new Document("$match", new Document("a", 1))));
        assertThat(collectionInfo(db, "cap").getDocument("options")).isEqualTo(BsonDocument.parse("{capped: true, size: 8192}"));
        assertThat(collectionInfo(db, "v1").getDocument("options").getDocument("validator"))
            .isEqualTo(BsonDocument.parse("{a: {$exists: true}}"));
        BsonDocument view = collectionInfo(db, "view");
        assertThat(view.getString("type").getValue()).isEqualTo("view");
        assertThat(view.getDocument("options").getString("viewOn").getValue()).isEqualTo("v1");
        List<BsonDocument> filtered = db.listCollections(BsonDocument.class).filter(Filters.eq("type", "view")).into(new ArrayList<>());
        assertThat(filtered).extracting(d -> d.getString("name").getValue()).containsExactly("view");
    }

    @Test
    void cappedCollectionsTrimTheOldestAndLogTheDeletes() {
        MongoDatabase db = freshDatabase();
        db.createCollection("cap", new CreateCollectionOptions().capped(true).sizeInBytes(100_000).maxDocuments(3));
        MongoCollection<Document> cap = db.getCollection("cap");
        BsonTimestamp start = lastTs();
        for (int i = 1; i <= 5; i++) {
            cap.insertOne(doc("_id", i));
        }
        assertThat(cap.find().into(new ArrayList<>())).extracting(d -> d.getInteger("_id")).containsExactlyInAnyOrder(3, 4, 5);
        assertThat(changesAfter(start, db.getName())).extracting(e -> e.getString("op").getValue())
            .containsExactly("i", "i", "i", "i", "d", "i", "d");
    }

    BsonDocument collectionInfo(MongoDatabase db, String name) {
        return db.listCollections(BsonDocument.class).filter(Filters.eq("name", name)).first();
    }
}
