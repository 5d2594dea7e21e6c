package io.ddt.testkit.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import io.ddt.testkit.TestCluster;

/**
 * What every conformance suite needs: the cluster under test, a fresh database per test so that
 * tests never see each other's writes, and the oplog entries written since a point.
 */
abstract class ConformanceSupport {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** The cluster the suite runs against, shared by the class. */
    abstract TestCluster cluster();

    MongoClient client() {
        return cluster().client();
    }

    MongoDatabase freshDatabase() {
        return client().getDatabase("conf" + DATABASES.incrementAndGet() + "_" + System.nanoTime() % 100_000);
    }

    MongoCollection<BsonDocument> oplog() {
        return client().getDatabase("local").getCollection("oplog.rs", BsonDocument.class);
    }

    /** The newest entry's ts, read from the oplog itself. */
    BsonTimestamp lastTs() {
        BsonDocument last = oplog().find().sort(Sorts.descending("$natural")).limit(1).first();
        return last == null ? new BsonTimestamp(0) : last.getTimestamp("ts");
    }

    /** Entries after {@code ts} on the namespaces of one database (CRUD and commands), in order. */
    List<BsonDocument> entriesAfter(BsonTimestamp ts, String database) {
        return oplog().find(Filters.and(Filters.gt("ts", ts),
                Filters.or(Filters.regex("ns", "^" + database + "\\."), Filters.eq("ns", "admin.$cmd"))))
            .into(new ArrayList<>());
    }

    /** The entries after {@code ts} that are not periodic no-ops. */
    List<BsonDocument> changesAfter(BsonTimestamp ts, String database) {
        List<BsonDocument> result = new ArrayList<>();
        for (BsonDocument entry : entriesAfter(ts, database)) {
            if (!entry.getString("op").getValue().equals("n")) {
                result.add(entry);
            }
        }
        return result;
    }

    static Document doc(Object... keysAndValues) {
        Document document = new Document();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            document.append((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return document;
    }
}
