package io.ddt.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoWriteException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

/** Unique indexes as a real member enforces them, and transactions as it logs them. */
abstract class WriteRulesConformance extends ConformanceSupport {

    @Test
    void partialUniqueIndexOnlyConstrainsMatchingDocuments() {
        MongoCollection<Document> coll = freshDatabase().getCollection("c");
        coll.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true)
            .partialFilterExpression(Filters.eq("active", true)));
        coll.insertOne(doc("_id", 1, "email", "a", "active", true));
        coll.insertOne(doc("_id", 2, "email", "a", "active", false));
        assertThatThrownBy(() -> coll.insertOne(doc("_id", 3, "email", "a", "active", true)))
            .isInstanceOf(MongoWriteException.class).hasMessageContaining("E11000");
        assertThatThrownBy(() -> coll.updateOne(Filters.eq("_id", 2), Updates.set("active", true)))
            .isInstanceOf(MongoWriteException.class).hasMessageContaining("E11000");
        coll.updateOne(Filters.eq("_id", 1), Updates.set("active", false));
        coll.updateOne(Filters.eq("_id", 2), Updates.set("active", true));
        assertThat(coll.countDocuments(Filters.eq("active", true))).isEqualTo(1);
    }

    @Test
    void sparseUniqueIndexIgnoresDocumentsWithoutTheField() {
        MongoCollection<Document> coll = freshDatabase().getCollection("c");
        coll.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true).sparse(true));
        coll.insertOne(doc("_id", 1));
        coll.insertOne(doc("_id", 2));
        coll.insertOne(doc("_id", 3, "code", "x"));
        assertThatThrownBy(() -> coll.insertOne(doc("_id", 4, "code", "x"))).isInstanceOf(MongoWriteException.class);
        assertThat(coll.countDocuments()).isEqualTo(3);
    }

    @Test
    void validatorRejectsInvalidDocumentsUnlessBypassed() {
        com.mongodb.client.MongoDatabase db = freshDatabase();
        db.createCollection("v", new com.mongodb.client.model.CreateCollectionOptions().validationOptions(
            new com.mongodb.client.model.ValidationOptions().validator(Filters.exists("name"))));
        MongoCollection<Document> coll = db.getCollection("v");
        coll.insertOne(doc("_id", 1, "name", "ok"));
        assertThatThrownBy(() -> coll.insertOne(doc("_id", 2))).isInstanceOf(MongoWriteException.class)
            .satisfies(e -> assertThat(((MongoWriteException) e).getError().getCode()).isEqualTo(121));
        assertThatThrownBy(() -> coll.updateOne(Filters.eq("_id", 1), Updates.unset("name")))
            .isInstanceOf(MongoWriteException.class);
        coll.insertOne(doc("_id", 3), new com.mongodb.client.model.InsertOneOptions().bypassDocumentValidation(true));
        assertThat(coll.countDocuments()).isEqualTo(2);
    }

    @Test
    void committedTransactionIsOneApplyOpsEntry() {
        MongoCollection<Document> coll = freshDatabase().getCollection("c");
        coll.insertOne(doc("_id", 0, "n", 0));
        BsonTimestamp start = lastTs();
        try (ClientSession session = client().startSession()) {
            session.withTransaction(() -> {
                coll.insertOne(session, doc("_id", 1));
                coll.updateOne(session, Filters.eq("_id", 0), Updates.inc("n", 1));
                coll.deleteOne(session, Filters.eq("_id", 1));
                return null;
            });
        }
        List<BsonDocument> entries = changesAfter(start, coll.getNamespace().getDatabaseName());
        assertThat(entries).hasSize(1);
        BsonDocument entry = entries.get(0);
        assertThat(entry.getString("ns").getValue()).isEqualTo("admin.$cmd");
        assertThat(entry).containsKeys("lsid", "txnNumber", "prevOpTime");
        assertThat(entry.getDocument("o").getArray("applyOps")).extracting(op -> op.asDocument().getString("op").getValue())
            .containsExactly("i", "u", "d");
        assertThat(coll.find(Filters.eq("_id", 0)).first().getInteger("n")).isEqualTo(1);
    }

    @Test
    void abortedTransactionLeavesNoTrace() {
        MongoCollection<Document> coll = freshDatabase().getCollection("c");
        coll.insertOne(doc("_id", 0, "n", 0));
        BsonTimestamp start = lastTs();
        try (ClientSession session = client().startSession()) {
            session.startTransaction();
            coll.insertOne(session, doc("_id", 1));
            coll.updateOne(session, Filters.eq("_id", 0), Updates.inc("n", 1));
            session.abortTransaction();
        }
        assertThat(coll.find().into(new java.util.ArrayList<>())).containsExactly(doc("_id", 0, "n", 0));
        assertThat(changesAfter(start, coll.getNamespace().getDatabaseName())).isEmpty();
    }
}
