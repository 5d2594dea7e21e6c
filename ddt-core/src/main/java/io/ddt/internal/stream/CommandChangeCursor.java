package io.ddt.internal.stream;

import java.util.ArrayDeque;
import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

import com.mongodb.ClientSessionOptions;
import com.mongodb.MongoException;
import com.mongodb.ReadPreference;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

/**
 * A cluster-wide change stream driven by its own {@code aggregate}, {@code getMore} and
 * {@code killCursors} commands, for a {@code $changeStream} stage with options the driver does
 * not offer ({@code showRawUpdateDescription}). The commands run in one session, as the server
 * wants a cursor's commands to, on the primary: only where that is always the server that holds
 * the cursor (a replica set, or a single mongos) may this cursor be used. Unlike the driver's, it
 * does not resume by itself: an error goes to the caller, which opens a new stream.
 */
final class CommandChangeCursor implements ChangeCursor {

    private static final BsonString AGGREGATE_NAMESPACE = new BsonString("$cmd.aggregate");
    private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();

    private final MongoDatabase admin;
    private final ClientSession session;
    private final int batchSize;
    private final long maxAwaitMillis;
    private final ArrayDeque<RawBsonDocument> batch = new ArrayDeque<>();
    private long id;
    private BsonDocument postBatchToken;
    private BsonDocument lastToken;

    private CommandChangeCursor(MongoClient client, int batchSize, long maxAwaitMillis) {
        this.admin = client.getDatabase("admin");
        this.session = client.startSession(ClientSessionOptions.builder().causallyConsistent(false).build());
        this.batchSize = batchSize;
        this.maxAwaitMillis = maxAwaitMillis;
    }

    /**
     * Opens the stream {@code {$changeStream: stage}} followed by {@code stages}.
     *
     * @throws MongoException if the server refused it
     */
    static CommandChangeCursor open(MongoClient client, BsonDocument stage, List<BsonDocument> stages, int batchSize,
                                    long maxAwaitMillis) {
        CommandChangeCursor cursor = new CommandChangeCursor(client, batchSize, maxAwaitMillis);
        BsonArray pipeline = new BsonArray();
        pipeline.add(new BsonDocument("$changeStream", stage));
        pipeline.addAll(stages);
        BsonDocument command = new BsonDocument("aggregate", new BsonInt32(1)).append("pipeline", pipeline)
            .append("cursor", new BsonDocument("batchSize", new BsonInt32(batchSize)));
        try {
            cursor.take(cursor.run(command), "firstBatch");
            return cursor;
        } catch (RuntimeException e) {
            cursor.session.close();
            throw e;
        }
    }

    @Override
    public int available() {
        return batch.size();
    }

    @Override
    public RawBsonDocument tryNext() {
        if (batch.isEmpty() && id != 0) {
            take(run(new BsonDocument("getMore", new BsonInt64(id)).append("collection", AGGREGATE_NAMESPACE)
                .append("batchSize", new BsonInt32(batchSize)).append("maxTimeMS", new BsonInt64(maxAwaitMillis))), "nextBatch");
        }
        RawBsonDocument next = batch.poll();
        if (next != null && next.get("_id") instanceof BsonDocument token) {
            lastToken = token;
        }
        return next;
    }

    @Override
    public BsonDocument resumeToken() {
        return batch.isEmpty() && postBatchToken != null ? postBatchToken : lastToken;
    }

    @Override
    public void close() {
        try {
            if (id != 0) {
                run(new BsonDocument("killCursors", AGGREGATE_NAMESPACE).append("cursors", new BsonArray(List.of(new BsonInt64(id)))));
            }
        } catch (MongoException e) {
            // The server forgets an idle cursor by itself; closing must not fail for it.
        } finally {
            id = 0;
            session.close();
        }
    }

    private RawBsonDocument run(BsonDocument command) {
        return admin.runCommand(session, command, ReadPreference.primary(), RawBsonDocument.class);
    }

    private void take(RawBsonDocument reply, String field) {
        BsonDocument cursor = reply.getDocument("cursor");
        id = cursor.getNumber("id").longValue();
        for (BsonValue event : cursor.getArray(field)) {
            batch.add(event instanceof RawBsonDocument raw ? raw : new RawBsonDocument(event.asDocument(), CODEC));
        }
        BsonValue token = cursor.get("postBatchResumeToken");
        if (token != null && token.isDocument()) {
            postBatchToken = token.asDocument();
        }
    }
}
