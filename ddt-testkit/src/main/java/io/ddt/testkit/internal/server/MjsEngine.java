package io.ddt.testkit.internal.server;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.exception.MongoServerException;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * The storage and query engine behind a fake member: mongo-java-server's memory backend, called
 * in process with driver BSON converted at the boundary. Everything that decides what a real
 * member would do (oplog, cursors, catalog) lives outside it.
 */
public final class MjsEngine {

    private final MemoryBackend backend = new MemoryBackend();
    private final EmbeddedChannel channel = new EmbeddedChannel();

    /** Runs a command in the backend and returns its reply, throwing its error as ours. */
    public BsonDocument run(String database, BsonDocument command) {
        return run(database, command.getFirstKey(), BsonBridge.toMjs(command));
    }

    /**
     * Inserts one document already converted to the engine's form, so that callers can convert
     * it before they take the member's write lock. Returns the engine's reply.
     */
    BsonDocument insert(String database, String collection, Document document) {
        return run(database, "insert", new Document("insert", collection).append("documents", List.of(document))
            .append("ordered", Boolean.TRUE));
    }

    private BsonDocument run(String database, String name, Document command) {
        Document reply;
        try {
            reply = backend.handleCommand(channel, database, name, command);
        } catch (MongoServerError e) {
            throw new CommandException(e.getCode(), e.getCodeName() == null ? "Location" + e.getCode() : e.getCodeName(),
                e.getMessageWithoutErrorCode());
        } catch (MongoServerException e) {
            throw new CommandException(1, "InternalError", e.getMessageWithoutErrorCode());
        } catch (RuntimeException e) {
            throw new CommandException(1, "InternalError", name + " failed in the fake server: " + e);
        }
        if (reply == null) {
            throw CommandException.commandNotFound(name);
        }
        BsonDocument result = BsonBridge.toBson(reply);
        if (result.containsKey("ok") && result.get("ok").isNumber() && result.getNumber("ok").doubleValue() == 0) {
            int code = result.containsKey("code") ? result.getNumber("code").intValue() : 1;
            String codeName = result.getString("codeName", new BsonString("Location" + code)).getValue();
            throw new CommandException(code, codeName, result.getString("errmsg", new BsonString("")).getValue());
        }
        return result;
    }

    /** Runs a find and returns every matching document, in the order the backend gives them. */
    public List<BsonDocument> findAll(String database, BsonDocument find) {
        BsonDocument reply = run(database, find);
        return documents(reply.getDocument("cursor").getArray("firstBatch"));
    }

    /** Returns the one document with this {@code _id}, or null. */
    public BsonDocument findById(String namespace, BsonValue id) {
        String database = namespace.substring(0, namespace.indexOf('.'));
        BsonDocument find = new BsonDocument("find", new BsonString(namespace.substring(database.length() + 1)))
            .append("filter", new BsonDocument("_id", id)).append("limit", new BsonInt32(1));
        List<BsonDocument> found = findAll(database, find);
        return found.isEmpty() ? null : found.get(0);
    }

    static List<BsonDocument> documents(BsonArray array) {
        List<BsonDocument> result = new ArrayList<>(array.size());
        for (BsonValue value : array) {
            result.add(value.asDocument());
        }
        return result;
    }

    /** Drops a collection if it exists. */
    public void dropIfExists(String database, String collection) {
        try {
            run(database, new BsonDocument("drop", new BsonString(collection)));
        } catch (CommandException e) {
            // the engine answers "ns not found" for a collection it never had: nothing to drop
        }
    }

    public void dropDatabase(String database) {
        backend.dropDatabase(database);
    }

    public void close() {
        backend.close();
        channel.close();
    }
}
