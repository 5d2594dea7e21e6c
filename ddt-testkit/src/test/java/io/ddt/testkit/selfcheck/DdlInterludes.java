package io.ddt.testkit.selfcheck;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;

import com.mongodb.MongoNamespace;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.RenameCollectionOptions;
import com.mongodb.client.model.Updates;

import io.ddt.testkit.Workload;

/**
 * The DDL and transactions the self-check runs between workload phases, so that the oplog holds
 * every kind of command entry among the document writes. Each interlude leaves the workload's
 * own namespaces in place (renames come back), so the workload goes on finding its documents.
 * Not thread-safe; run while the workload is not running.
 */
final class DdlInterludes {

    static final String ORDERS = "shop.orders";
    static final String CUSTOMERS = "shop.customers";
    static final String ITEMS = "inv.items";
    static final String CAPPED = "shop.capped";

    private final MongoClient client;
    private final Workload workload;

    DdlInterludes(MongoClient client, Workload workload) {
        this.client = client;
        this.workload = workload;
    }

    /** Before the workload: a capped collection that trims as the workload inserts. */
    static void prepare(MongoClient client) {
        client.getDatabase("shop").createCollection("capped",
            new CreateCollectionOptions().capped(true).sizeInBytes(256 * 1024).maxDocuments(300));
    }

    /** Runs the interlude that follows phase {@code phase} (from 0); phases past the last do nothing. */
    void afterPhase(int phase) {
        switch (phase) {
            case 0 -> renameAwayAndBack();
            case 1 -> transactions(phase);
            case 2 -> replaceByRenameAndIndexes();
            case 3 -> dropDatabaseAndRenameAcrossOntoExisting();
            default -> { }
        }
    }

    /** Within a database, across to another and back, with a view on the collection meanwhile. */
    private void renameAwayAndBack() {
        MongoDatabase shop = client.getDatabase("shop");
        shop.getCollection("orders").renameCollection(new MongoNamespace("shop", "orders_moving"));
        shop.getCollection("orders_moving").renameCollection(new MongoNamespace("archive", "orders"));
        client.getDatabase("archive").getCollection("orders").renameCollection(new MongoNamespace("shop", "orders"));
        shop.createView("big_orders", "orders", List.of(new Document("$match", new Document("counter", new Document("$gt", 500)))));
    }

    /**
     * A committed transaction of five writes over three namespaces (a partialTxn chain when the
     * cluster logs three operations per entry), one of two writes, and an aborted one, which
     * must leave no trace.
     */
    private void transactions(int phase) {
        BsonValue customer = workload.knownIds(CUSTOMERS).get(0);
        BsonValue item = workload.knownIds(ITEMS).get(0);
        try (ClientSession session = client.startSession()) {
            session.withTransaction(() -> {
                orders().insertOne(session, new BsonDocument("_id", new BsonString("txn-a-" + phase)).append("n", new BsonInt32(1)));
                items().insertOne(session, new BsonDocument("_id", new BsonString("txn-b-" + phase)).append("n", new BsonInt32(2)));
                customers().updateOne(session, Filters.eq("_id", customer), Updates.set("txn", phase));
                orders().updateOne(session, Filters.eq("_id", "txn-a-" + phase), Updates.inc("n", 10));
                items().deleteOne(session, Filters.eq("_id", "txn-b-" + phase));
                return null;
            });
            session.withTransaction(() -> {
                items().updateOne(session, Filters.eq("_id", item), Updates.set("txnPair", true));
                orders().insertOne(session, new BsonDocument("_id", new BsonString("txn-c-" + phase)));
                return null;
            });
            session.startTransaction();
            customers().updateOne(session, Filters.eq("_id", customer), Updates.set("aborted", true));
            orders().insertOne(session, new BsonDocument("_id", new BsonString("txn-aborted-" + phase)));
            session.abortTransaction();
        }
    }

    /** Rename with dropTarget within a database; a two-phase index build and its drop; collMod. */
    private void replaceByRenameAndIndexes() {
        MongoDatabase shop = client.getDatabase("shop");
        shop.getCollection("staging", BsonDocument.class).insertMany(numbered("staged", 20));
        shop.getCollection("published", BsonDocument.class).insertMany(numbered("old", 10));
        shop.getCollection("staging").renameCollection(new MongoNamespace("shop", "published"),
            new RenameCollectionOptions().dropTarget(true));
        customers().createIndex(Indexes.ascending("status"));
        customers().dropIndex("status_1");
        client.getDatabase("inv").runCommand(new Document("collMod", "items")
            .append("validator", new Document("_id", new Document("$exists", true))));
    }

    /** A database of two collections dropped whole; a rename across databases onto an existing one. */
    private void dropDatabaseAndRenameAcrossOntoExisting() {
        MongoDatabase scratch = client.getDatabase("scratch");
        scratch.getCollection("one", BsonDocument.class).insertMany(numbered("one", 5));
        scratch.getCollection("two", BsonDocument.class).insertMany(numbered("two", 3));
        scratch.drop();
        client.getDatabase("archive").getCollection("published_old", BsonDocument.class).insertMany(numbered("older", 4));
        client.getDatabase("shop").getCollection("published").renameCollection(new MongoNamespace("archive", "published_old"),
            new RenameCollectionOptions().dropTarget(true));
    }

    private MongoCollection<BsonDocument> orders() {
        return client.getDatabase("shop").getCollection("orders", BsonDocument.class);
    }

    private MongoCollection<BsonDocument> customers() {
        return client.getDatabase("shop").getCollection("customers", BsonDocument.class);
    }

    private MongoCollection<BsonDocument> items() {
        return client.getDatabase("inv").getCollection("items", BsonDocument.class);
    }

    private static List<BsonDocument> numbered(String prefix, int count) {
        List<BsonDocument> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add(new BsonDocument("_id", new BsonString(prefix + "-" + i)).append("i", new BsonInt32(i)));
        }
        return documents;
    }
}
