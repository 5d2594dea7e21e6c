package io.ddt.internal.stream;

import org.bson.BsonDocument;
import org.bson.RawBsonDocument;

/**
 * An open change stream as {@link ChangeStreamEventStream} reads it: the driver's own cursor, or
 * one driven by commands where the stream needs a {@code $changeStream} option the driver does
 * not offer. Used by one thread; closed by the thread that reads it.
 */
interface ChangeCursor extends AutoCloseable {

    /** Events received and not yet taken. */
    int available();

    /**
     * Returns the next event, asking the server at most once (a {@code getMore} that waits up to
     * the stream's await time); null if there is none yet.
     *
     * @throws com.mongodb.MongoException if the server or the network failed
     */
    RawBsonDocument tryNext();

    /**
     * Returns where the stream has read to: once every event received is taken, the post-batch
     * resume token of the last reply (or the last event's token); null if the server sent none.
     */
    BsonDocument resumeToken();

    /** Frees the server's cursor; never throws. */
    @Override
    void close();
}
