package io.ddt.internal.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

import com.mongodb.MongoException;
import com.mongodb.ReadPreference;
import com.mongodb.client.ChangeStreamIterable;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCursor;
import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ClusterType;

import io.ddt.HistoryLostException;
import io.ddt.Position;

/**
 * The source's cluster-wide change stream: cursors opened after a position, with the namespace
 * {@code $match} and expanded (DDL) events where the server has them. Thread-safe.
 */
final class ChangeStreamSource {

    private final MongoClient client;
    private final StreamSettings settings;
    private final List<BsonDocument> pipeline = new ArrayList<>();
    private volatile Boolean expandedEvents;

    ChangeStreamSource(MongoClient client, StreamSettings settings) {
        this.client = client;
        this.settings = settings;
        ServerFilters.changeStreamMatch(settings.filter()).ifPresent(pipeline::add);
    }

    /**
     * Opens a stream of the changes after {@code after}: with {@code startAfter} its resume
     * token where it has one, else with {@code startAtOperationTime} one increment after its
     * cluster time, since a position without a token stands for everything at its time read.
     * Replacements and inserts carry their documents ({@code fullDocument} stays at its default:
     * no lookups).
     *
     * <p>From MongoDB 6.0 on, where every command of the stream reaches the server that holds
     * its cursor, updates come as the oplog's own {@code $v:2} diffs
     * ({@code showRawUpdateDescription}): an update description does not tell a field the update
     * added from one it changed, so an update replayed over a later version of its document
     * could leave added fields in another order. Elsewhere the driver's stream is used, with that
     * limit.
     */
    ChangeCursor open(Position after) {
        if (rawUpdates()) {
            BsonDocument stage = new BsonDocument("allChangesForCluster", BsonBoolean.TRUE)
                .append("showExpandedEvents", BsonBoolean.TRUE).append("showRawUpdateDescription", BsonBoolean.TRUE);
            if (after.hasResumeToken()) {
                stage.append("startAfter", after.resumeToken().orElseThrow());
            } else {
                stage.append("startAtOperationTime", Positions.justAfter(after.clusterTime()));
            }
            return CommandChangeCursor.open(client, stage, pipeline, settings.batchEvents(), settings.maxAwaitTime().toMillis());
        }
        return new DriverChangeCursor(driverStream(after));
    }

    private MongoChangeStreamCursor<RawBsonDocument> driverStream(Position after) {
        ChangeStreamIterable<RawBsonDocument> stream = client.watch(pipeline, RawBsonDocument.class)
            .batchSize(settings.batchEvents())
            .maxAwaitTime(settings.maxAwaitTime().toMillis(), TimeUnit.MILLISECONDS);
        if (expandedEvents()) {
            stream = stream.showExpandedEvents(true);
        }
        stream = after.hasResumeToken() ? stream.startAfter(after.resumeToken().orElseThrow())
            : stream.startAtOperationTime(Positions.justAfter(after.clusterTime()));
        MongoCursor<RawBsonDocument> cursor = stream.withDocumentClass(RawBsonDocument.class).cursor();
        if (cursor instanceof MongoChangeStreamCursor<RawBsonDocument> changeStream) {
            return changeStream;
        }
        cursor.close();
        throw new IllegalStateException("the driver's change stream cursor has no resume token: "
            + cursor.getClass().getName());
    }

    /**
     * Raw update descriptions need MongoDB 6.0 and a stream whose commands all reach one server:
     * the primary of a replica set read from the primary, or the only mongos the client knows.
     */
    private boolean rawUpdates() {
        if (!expandedEvents()) {
            return false;
        }
        ClusterDescription cluster = client.getClusterDescription();
        boolean primary = ReadPreference.primary().equals(client.getDatabase("admin").getReadPreference());
        return primary && (cluster.getType() == ClusterType.REPLICA_SET
            || (cluster.getType() == ClusterType.SHARDED && cluster.getServerDescriptions().size() == 1));
    }

    /** The exception for a position that left the oplog, with the oplog's oldest entry where it can be read. */
    HistoryLostException historyLost(Position after, Throwable cause) {
        return new HistoryLostException(after.clusterTime(), oldestEntry(), cause);
    }

    private BsonTimestamp oldestEntry() {
        try {
            RawBsonDocument first = client.getDatabase("local").getCollection("oplog.rs", RawBsonDocument.class)
                .find().sort(new BsonDocument("$natural", new BsonInt32(1))).limit(1).first();
            return first == null ? null : first.getTimestamp("ts");
        } catch (MongoException e) {
            // Only to say how far behind the position is: where the oplog is not readable
            // (mongos, hosted clusters) the exception goes without it.
            return null;
        }
    }

    /** Expanded events (create, createIndexes, dropIndexes, modify, ...) exist from MongoDB 6.0 on. */
    private boolean expandedEvents() {
        Boolean known = expandedEvents;
        if (known == null) {
            BsonValue version = client.getDatabase("admin").runCommand(new BsonDocument("buildInfo", new BsonInt32(1)),
                BsonDocument.class).get("versionArray");
            known = version != null && version.isArray() && major(version.asArray()) >= 6;
            expandedEvents = known;
        }
        return known;
    }

    private static int major(BsonArray version) {
        return version.isEmpty() || !version.get(0).isNumber() ? 0 : version.get(0).asNumber().intValue();
    }
}
