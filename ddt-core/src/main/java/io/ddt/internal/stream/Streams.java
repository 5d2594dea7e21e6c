package io.ddt.internal.stream;

import com.mongodb.client.MongoClient;

import io.ddt.Position;
import io.ddt.spi.EventStream;

/** Opens the streams of {@code io.ddt.mongo.MongoOplogStreamer} and {@code io.ddt.mongo.ChangeStreamStreamer}. */
public final class Streams {

    private Streams() {
    }

    /**
     * Opens a tail of the oplog after {@code after}, up to {@code until} inclusive when given.
     *
     * @throws io.ddt.HistoryLostException if the oplog no longer holds everything after {@code after}
     * @throws io.ddt.DdtException if the oplog cannot be read
     */
    public static EventStream oplog(MongoClient client, StreamSettings settings, Position after, Position until) {
        OplogEventStream stream = new OplogEventStream(new OplogSource(client, settings), settings, after, until);
        return started(stream, stream::start);
    }

    /**
     * Opens a cluster-wide change stream after {@code after}, up to {@code until} inclusive when given.
     *
     * @throws io.ddt.HistoryLostException if the source's history no longer reaches back to {@code after}
     * @throws io.ddt.DdtException if the change stream cannot be opened
     */
    public static EventStream changeStream(MongoClient client, StreamSettings settings, Position after, Position until) {
        ChangeStreamEventStream stream = new ChangeStreamEventStream(new ChangeStreamSource(client, settings), settings,
            after, until);
        return started(stream, stream::start);
    }

    private static EventStream started(EventStream stream, Runnable start) {
        try {
            start.run();
        } catch (RuntimeException e) {
            stream.close();
            throw e;
        }
        return stream;
    }
}
