package io.ddt.testkit.internal.oplog;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/** The test equivalent of the server's ASSERT_BSONOBJ_BINARY_EQ. */
final class BsonAssertions {

    private static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private BsonAssertions() {}

    /** Canonical extended JSON: keeps field order and tells int, long and double apart. */
    static String json(BsonDocument document) {
        return document == null ? "null" : document.toJson(CANONICAL);
    }

    /** Returns the document's encoded bytes, as the server would store them. */
    static byte[] bytes(BsonDocument document) {
        RawBsonDocument raw = new RawBsonDocument(document, new BsonDocumentCodec());
        byte[] copy = new byte[raw.getByteBuffer().remaining()];
        raw.getByteBuffer().get(copy);
        return copy;
    }

    /** Asserts same fields, same order, same BSON types and values: the same bytes. */
    static void assertBinaryEqual(BsonDocument actual, BsonDocument expected, String context) {
        assertThat(json(actual)).as(context).isEqualTo(json(expected));
        assertThat(bytes(actual)).as(context).isEqualTo(bytes(expected));
        assertThat(actual).as(context).isEqualTo(expected);
    }
}
