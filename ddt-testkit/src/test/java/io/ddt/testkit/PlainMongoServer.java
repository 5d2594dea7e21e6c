package io.ddt.testkit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

/** A plain mongo-java-server (the driver sees a standalone) and a client on it, for one test. */
final class PlainMongoServer implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());

    MongoClient client() {
        return client;
    }

    /** Returns every document of a namespace in {@code _id} order, as JSON, without the clock-set fields. */
    List<String> contentOf(String namespace) {
        String[] parts = namespace.split("\\.", 2);
        List<String> docs = new ArrayList<>();
        for (BsonDocument doc : client.getDatabase(parts[0]).getCollection(parts[1], BsonDocument.class)
                .find().sort(new BsonDocument("_id", new BsonInt32(1)))) {
            doc.remove("touchedAt");
            doc.remove("touchedTs");
            docs.add(doc.toJson());
        }
        return docs;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
