package io.ddt.examples.bench;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Sorts;

import io.ddt.Position;

/** Reads where a source's oplog ends now: the position a stream starts after or ends at. */
final class SourceClock {

    private SourceClock() {
    }

    /** The {@code ts} of the newest oplog entry, as a position. */
    static Position newest(MongoClient source) {
        BsonDocument last = source.getDatabase("local").getCollection("oplog.rs", BsonDocument.class).find()
            .sort(Sorts.descending("$natural")).limit(1).first();
        if (last == null) {
            throw new BenchmarkException("the source's oplog is empty");
        }
        BsonTimestamp ts = last.getTimestamp("ts");
        return Position.of(ts);
    }
}
