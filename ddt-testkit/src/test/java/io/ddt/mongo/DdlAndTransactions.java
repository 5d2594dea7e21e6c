package io.ddt.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;

import com.mongodb.MongoServerException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

/**
 * A seeded stream of the source history that a plain {@code Workload} does not write: DDL
 * (collections created with options, indexes created and dropped, collMod, renames within and
 * across databases, drops, dropDatabase) and multi-document transactions, on databases
 * {@code ddl1} and {@code ddl2}, for the end-to-end replay tests. One thread; the steps are
 * chosen by the seed, so a failing seed replays.
 */
final class DdlAndTransactions {

    static final List<String> DATABASES = List.of("ddl1", "ddl2");
    private static final List<String> COLLECTIONS = List.of("a", "b", "c");

    private final MongoClient client;
    private final SplittableRandom random;
    private final List<String> done = new ArrayList<>();
    private int nextId;

    DdlAndTransactions(MongoClient client, long seed) {
        this.client = client;
        this.random = new SplittableRandom(seed);
    }

    /** Runs {@code steps} steps; returns what each did, for failure messages. */
    List<String> run(int steps) {
        for (int i = 0; i < steps; i++) {
            step();
        }
        return List.copyOf(done);
    }

    private void step() {
        String database = DATABASES.get(random.nextInt(DATABASES.size()));
        String collection = COLLECTIONS.get(random.nextInt(COLLECTIONS.size()));
        int roll = random.nextInt(100);
        try {
            if (roll < 40) {
                transaction(database, collection);
            } else if (roll < 55) {
                insert(database, collection, 1 + random.nextInt(20));
            } else if (roll < 62) {
                createWithOptions(database, collection);
            } else if (roll < 70) {
                createIndex(database, collection);
            } else if (roll < 75) {
                log("dropIndexes " + database + "." + collection);
                coll(database, collection).dropIndexes();
            } else if (roll < 80) {
                collMod(database, collection);
            } else if (roll < 90) {
                rename(database, collection);
            } else if (roll < 97) {
                log("drop " + database + "." + collection);
                coll(database, collection).drop();
            } else {
                log("dropDatabase " + database);
                client.getDatabase(database).drop();
            }
        } catch (MongoServerException e) {
            // NamespaceExists, NamespaceNotFound, IndexNotFound...: the source refused, nothing was logged.
            log("  refused: " + e.getErrorCodeName());
        }
    }

    private void transaction(String database, String collection) {
        String other = COLLECTIONS.get(random.nextInt(COLLECTIONS.size()));
        int writes = 1 + random.nextInt(6);
        log("transaction of " + writes + " writes on " + database + "." + collection + " and ." + other);
        ensureExists(database, collection);
        ensureExists(database, other);
        try (ClientSession session = client.startSession()) {
            session.withTransaction(() -> {
                for (int i = 0; i < writes; i++) {
                    MongoCollection<BsonDocument> target = coll(database, i % 2 == 0 ? collection : other);
                    int id = nextId++;
                    target.insertOne(session, document(id));
                    if (i % 3 == 1) {
                        target.updateOne(session, Filters.eq("_id", id), Updates.set("inTxn", i));
                    }
                    if (i % 3 == 2) {
                        target.deleteOne(session, Filters.eq("_id", id - 1));
                    }
                }
                return null;
            });
        }
    }

    private void insert(String database, String collection, int count) {
        log("insert " + count + " into " + database + "." + collection);
        List<BsonDocument> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add(document(nextId++));
        }
        coll(database, collection).insertMany(documents);
    }

    private void createWithOptions(String database, String collection) {
        CreateCollectionOptions options = new CreateCollectionOptions();
        if (random.nextBoolean()) {
            options.capped(true).sizeInBytes(1 << 20);
        }
        log("create " + database + "." + collection + (options.isCapped() ? " capped" : ""));
        client.getDatabase(database).createCollection(collection, options);
    }

    private void createIndex(String database, String collection) {
        String field = random.nextBoolean() ? "n" : "s";
        boolean sparse = random.nextBoolean();
        log("createIndex " + database + "." + collection + " on " + field + (sparse ? " sparse" : ""));
        coll(database, collection).createIndex(Indexes.ascending(field), new IndexOptions().sparse(sparse));
    }

    private void collMod(String database, String collection) {
        log("collMod " + database + "." + collection + " validationLevel off");
        client.getDatabase(database).runCommand(new BsonDocument("collMod", new BsonString(collection))
            .append("validationLevel", new BsonString("off")));
    }

    private void rename(String database, String collection) {
        String toDatabase = DATABASES.get(random.nextInt(DATABASES.size()));
        String to = COLLECTIONS.get(random.nextInt(COLLECTIONS.size()));
        if (toDatabase.equals(database) && to.equals(collection)) {
            return;
        }
        log("rename " + database + "." + collection + " to " + toDatabase + "." + to);
        client.getDatabase("admin").runCommand(new BsonDocument("renameCollection", new BsonString(database + "." + collection))
            .append("to", new BsonString(toDatabase + "." + to)).append("dropTarget", BsonBoolean.TRUE));
    }

    private void ensureExists(String database, String collection) {
        if (!client.getDatabase(database).listCollectionNames().into(new ArrayList<>()).contains(collection)) {
            client.getDatabase(database).createCollection(collection);
        }
    }

    private MongoCollection<BsonDocument> coll(String database, String collection) {
        return client.getDatabase(database).getCollection(collection, BsonDocument.class);
    }

    private BsonDocument document(int id) {
        return new BsonDocument("_id", new BsonInt32(id)).append("n", new BsonInt32(random.nextInt(1000)))
            .append("s", new BsonString(Integer.toString(random.nextInt(1000), 36)));
    }

    private void log(String step) {
        done.add(step);
    }
}
