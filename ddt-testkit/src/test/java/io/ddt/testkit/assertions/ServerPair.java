package io.ddt.testkit.assertions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.ddt.testkit.TestCluster;
import org.bson.BsonDocument;

/**
 * Two plain mongo-java-server servers, a source and a target, each with a client that records
 * the commands it sends. A stand-in for FakeCluster while that is being written.
 */
final class ServerPair implements AutoCloseable {

    final Server source = new Server("source");
    final Server target = new Server("target");

    /** Parses relaxed JSON into a document, for short test data. */
    static BsonDocument doc(String json) {
        return BsonDocument.parse(json);
    }

    @Override
    public void close() {
        source.close();
        target.close();
    }

    /** One server with its client; a minimal {@link TestCluster}. */
    static final class Server implements TestCluster {
        private final MongoServer server = new MongoServer(new MemoryBackend());
        private final String connectionString = server.bindAndGetConnectionString();
        private final List<BsonDocument> commands = new ArrayList<>();
        private final MongoClient client;

        Server(String name) {
            CommandListener recorder = new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    synchronized (commands) {
                        commands.add(event.getCommand().clone());
                    }
                }
            };
            client = MongoClients.create(MongoClientSettings.builder()
                    .applicationName(name)
                    .applyConnectionString(new ConnectionString(connectionString))
                    .addCommandListener(recorder)
                    .build());
        }

        MongoCollection<BsonDocument> collection(String namespace) {
            int dot = namespace.indexOf('.');
            return client.getDatabase(namespace.substring(0, dot))
                    .getCollection(namespace.substring(dot + 1), BsonDocument.class);
        }

        void insert(String namespace, String... json) {
            collection(namespace).insertMany(Arrays.stream(json).map(ServerPair::doc).toList());
        }

        /** The commands sent so far whose name is {@code name}. */
        List<BsonDocument> commands(String name) {
            synchronized (commands) {
                return commands.stream().filter(c -> c.getFirstKey().equals(name)).toList();
            }
        }

        @Override
        public String connectionString() {
            return connectionString;
        }

        @Override
        public MongoClient client() {
            return client;
        }

        @Override
        public String serverVersion() {
            return "mongo-java-server";
        }

        @Override
        public void close() {
            client.close();
            server.shutdownNow();
        }
    }
}
