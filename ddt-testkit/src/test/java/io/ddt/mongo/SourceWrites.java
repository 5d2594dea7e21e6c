package io.ddt.mongo;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.bson.Document;

import com.mongodb.MongoNamespace;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;

/** The writes the streamer tests make on their source. */
final class SourceWrites {

    private SourceWrites() {
    }

    /** Seeded inserts, updates, replaces and deletes over three collections in two databases. */
    static void mixedWrites(MongoClient client, int count) {
        Random random = new Random(11);
        List<String> namespaces = List.of("shop.a", "shop.b", "logs.c");
        for (int i = 0; i < count; i++) {
            MongoCollection<Document> collection = collection(client, namespaces.get(random.nextInt(3)));
            int id = random.nextInt(20);
            switch (random.nextInt(4)) {
                case 0 -> collection.replaceOne(Filters.eq("_id", id), new Document("v", i),
                    new ReplaceOptions().upsert(true));
                case 1 -> collection.updateOne(Filters.eq("_id", id), Updates.inc("n", 1));
                case 2 -> collection.deleteOne(Filters.eq("_id", id));
                default -> collection.insertOne(new Document("_id", 100 + i).append("v", i));
            }
        }
    }

    static void insert(MongoClient client, String namespace, int id) {
        collection(client, namespace).insertOne(new Document("_id", id));
    }

    static void insert(MongoClient client, ClientSession session, String namespace, int id) {
        collection(client, namespace).insertOne(session, new Document("_id", id));
    }

    static MongoCollection<Document> collection(MongoClient client, String namespace) {
        MongoNamespace ns = new MongoNamespace(namespace);
        return client.getDatabase(ns.getDatabaseName()).getCollection(ns.getCollectionName());
    }

    static void inTransaction(MongoClient client, Consumer<ClientSession> writes) {
        try (ClientSession session = client.startSession()) {
            session.withTransaction(() -> {
                writes.accept(session);
                return null;
            });
        }
    }

}
