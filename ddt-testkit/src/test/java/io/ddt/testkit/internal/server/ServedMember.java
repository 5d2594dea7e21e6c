package io.ddt.testkit.internal.server;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * A fake member served on a free port, as {@code FakeCluster} serves one, with the member in
 * reach of the test: its index, its engine, and the switch between them.
 */
final class ServedMember implements AutoCloseable {

    private final FakeMember member = new FakeMember(64L << 20);
    private final CommandRouter router;
    private final WireServer server;
    private final ServerSettings settings;
    private final MongoClient client;

    ServedMember() {
        ServerSettings requested = new ServerSettings("127.0.0.1", 0, "rs0", "7.0.0", 64L << 20, 10_000, 1000);
        router = new CommandRouter(member, requested);
        server = new WireServer(router, "served");
        settings = requested.withPort(server.start(requested.host(), 0));
        router.settings(settings);
        client = MongoClients.create("mongodb://" + settings.hostAndPort() + "/?replicaSet=rs0");
    }

    MongoClient client() {
        return client;
    }

    FakeMember member() {
        return member;
    }

    /** Stops and starts the member on the same port, as {@code FakeCluster.stop()} and {@code restart()} do. */
    void restart() {
        member.restarted();
        server.stop();
        router.restarted();
        server.start(settings.host(), settings.port());
    }

    /** The batches a find returns, first batch and then every getMore's, as the server cuts them. */
    List<List<RawBsonDocument>> batches(String database, BsonDocument find) {
        BsonDocument reply = client.getDatabase(database).runCommand(find, RawBsonDocument.class);
        List<List<RawBsonDocument>> batches = new ArrayList<>();
        BsonDocument cursor = reply.getDocument("cursor");
        batches.add(raw(cursor.getArray("firstBatch").getValues()));
        while (cursor.getNumber("id").longValue() != 0) {
            BsonDocument getMore = new BsonDocument("getMore", new BsonInt64(cursor.getNumber("id").longValue()))
                .append("collection", find.get("find"));
            if (find.containsKey("batchSize")) {
                getMore.append("batchSize", find.get("batchSize"));
            }
            cursor = client.getDatabase(database).runCommand(getMore, RawBsonDocument.class).getDocument("cursor");
            batches.add(raw(cursor.getArray("nextBatch").getValues()));
        }
        return batches;
    }

    /** The same find answered by the engine alone, as before the member had an index. */
    List<List<RawBsonDocument>> batchesFromEngine(String database, BsonDocument find) {
        member.indexedReads().enabled(false);
        try {
            return batches(database, find);
        } finally {
            member.indexedReads().enabled(true);
        }
    }

    static BsonDocument find(String collection) {
        return new BsonDocument("find", new BsonString(collection));
    }

    private static List<RawBsonDocument> raw(List<BsonValue> documents) {
        List<RawBsonDocument> result = new ArrayList<>();
        for (BsonValue document : documents) {
            result.add(IdIndex.raw(document.asDocument()));
        }
        return result;
    }

    @Override
    public void close() {
        client.close();
        server.stop();
        member.close();
    }
}
