package io.ddt.testkit.internal.server;

import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.types.ObjectId;

/**
 * Answers {@code hello} and {@code isMaster} as the primary of a one-member replica set, so the
 * driver sees REPLICA_SET_PRIMARY and uses sessions, retryable writes and change streams.
 * An awaitable {@code hello} (with {@code topologyVersion} and {@code maxAwaitTimeMS}) waits, as
 * on a real server, so the driver's monitor does not spin.
 */
final class Handshake {

    private final java.util.function.Supplier<ServerSettings> settings;
    private volatile ObjectId processId = new ObjectId();
    private final java.util.concurrent.atomic.AtomicLong counter = new java.util.concurrent.atomic.AtomicLong();
    private final Object changes = new Object();

    Handshake(java.util.function.Supplier<ServerSettings> settings) {
        this.settings = settings;
    }

    /** A restarted member presents a new process id, as a real one does. */
    void restarted() {
        processId = new ObjectId();
        changed();
    }

    /**
     * The member's state changed (a restart, a stop, a state-change error injected by a fail
     * point): awaitable hellos answer now, as a real member's do when its topologyVersion moves.
     */
    void changed() {
        synchronized (changes) {
            counter.incrementAndGet();
            changes.notifyAll();
        }
    }

    /** The member's current topologyVersion, as hello and state-change errors carry it. */
    BsonDocument topologyVersion() {
        return new BsonDocument("processId", new BsonObjectId(processId)).append("counter", new BsonInt64(counter.get()));
    }

    private void awaitChange(BsonDocument version, long maxAwaitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + maxAwaitMillis * 1_000_000L;
        synchronized (changes) {
            while (version.get("processId").equals(new BsonObjectId(processId))
                && version.getNumber("counter").longValue() == counter.get()) {
                long remaining = (deadline - System.nanoTime()) / 1_000_000L;
                if (remaining <= 0) {
                    return;
                }
                changes.wait(remaining);
            }
        }
    }

    BsonDocument hello(BsonDocument command, boolean legacy, BsonTimestamp lastWrite, long connectionId)
        throws InterruptedException {
        if (command.containsKey("topologyVersion") && command.containsKey("maxAwaitTimeMS")) {
            awaitChange(command.getDocument("topologyVersion"), command.getNumber("maxAwaitTimeMS").longValue());
        }
        String me = settings.get().hostAndPort();
        BsonDocument response = new BsonDocument("topologyVersion", topologyVersion());
        response.append("hosts", new BsonArray(List.of(new BsonString(me))))
            .append("setName", new BsonString(settings.get().replicaSetName()))
            .append("setVersion", new BsonInt32(1))
            .append(legacy ? "ismaster" : "isWritablePrimary", BsonBoolean.TRUE)
            .append("secondary", BsonBoolean.FALSE)
            .append("primary", new BsonString(me))
            .append("me", new BsonString(me))
            .append("electionId", new BsonObjectId(new ObjectId("7fffffff0000000000000001")))
            .append("lastWrite", lastWrite(lastWrite))
            .append("maxBsonObjectSize", new BsonInt32(DocumentWrites.MAX_DOCUMENT_SIZE))
            .append("maxMessageSizeBytes", new BsonInt32(WireCodec.MAX_MESSAGE_SIZE))
            .append("maxWriteBatchSize", new BsonInt32(100_000))
            .append("localTime", new BsonDateTime(System.currentTimeMillis()))
            .append("logicalSessionTimeoutMinutes", new BsonInt32(30))
            .append("connectionId", new BsonInt64(connectionId))
            .append("minWireVersion", new BsonInt32(0))
            .append("maxWireVersion", new BsonInt32(settings.get().wireVersion()))
            .append("readOnly", BsonBoolean.FALSE)
            .append("ok", new BsonDouble(1));
        return response;
    }

    private static BsonDocument lastWrite(BsonTimestamp ts) {
        BsonDocument opTime = new BsonDocument("ts", ts).append("t", new BsonInt64(1));
        BsonDateTime date = new BsonDateTime((ts.getTime() & 0xffffffffL) * 1000);
        return new BsonDocument("opTime", opTime).append("lastWriteDate", date)
            .append("majorityOpTime", opTime).append("majorityWriteDate", date);
    }

    BsonDocument buildInfo() {
        BsonArray versionArray = new BsonArray();
        for (String part : (settings.get().serverVersion() + ".0.0").split("\\.")) {
            if (versionArray.size() < 3) {
                versionArray.add(new BsonInt32(Integer.parseInt(part)));
            }
        }
        versionArray.add(new BsonInt32(0));
        return new BsonDocument("version", new BsonString(settings.get().serverVersion()))
            .append("gitVersion", new BsonString("ddt-fake-cluster"))
            .append("versionArray", versionArray)
            .append("bits", new BsonInt32(64))
            .append("maxBsonObjectSize", new BsonInt32(DocumentWrites.MAX_DOCUMENT_SIZE))
            .append("storageEngines", new BsonArray(List.of(new BsonString("wiredTiger"))))
            .append("ok", new BsonDouble(1));
    }
}
