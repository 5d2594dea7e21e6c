package io.ddt.internal.stream;

import org.bson.BsonDocument;
import org.bson.RawBsonDocument;

import com.mongodb.client.MongoChangeStreamCursor;

/** The driver's change stream cursor, which also resumes once by itself after a resumable error. */
final class DriverChangeCursor implements ChangeCursor {

    private final MongoChangeStreamCursor<RawBsonDocument> cursor;

    DriverChangeCursor(MongoChangeStreamCursor<RawBsonDocument> cursor) {
        this.cursor = cursor;
    }

    @Override
    public int available() {
        return cursor.available();
    }

    @Override
    public RawBsonDocument tryNext() {
        return cursor.tryNext();
    }

    @Override
    public BsonDocument resumeToken() {
        return cursor.getResumeToken();
    }

    @Override
    public void close() {
        cursor.close();
    }
}
