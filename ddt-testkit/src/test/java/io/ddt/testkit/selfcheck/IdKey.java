package io.ddt.testkit.selfcheck;

import java.util.Arrays;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * An {@code _id} compared by its BSON encoding, so that values the server would treat as equal
 * but which differ in type (int32 1, int64 1, double 1.0) stay distinct, as they must when
 * documents are checked byte for byte. Immutable.
 */
final class IdKey {

    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private final byte[] bytes;
    private final int hash;

    private IdKey(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** The key of an {@code _id} value: the bytes of the document {@code {_id: value}}. */
    static IdKey of(BsonValue id) {
        if (id == null) {
            throw new IllegalArgumentException("an _id is required");
        }
        return new IdKey(BsonBytes.of(new BsonDocument("_id", id)));
    }

    /** The {@code _id} value this key stands for. */
    BsonValue value() {
        return new RawBsonDocument(bytes).get("_id");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdKey key && hash == key.hash && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** The {@code _id} in canonical Extended JSON, so that its type shows. */
    @Override
    public String toString() {
        return new RawBsonDocument(bytes).toJson(CANONICAL);
    }
}
