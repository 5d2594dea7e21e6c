package io.ddt.testkit.selfcheck;

import java.nio.ByteBuffer;

import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/** The BSON encoding of a document, for byte-for-byte comparison. Stateless. */
final class BsonBytes {

    private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();

    private BsonBytes() {
    }

    /** The document's bytes; a {@link RawBsonDocument} gives its own, unchanged. */
    static byte[] of(BsonDocument document) {
        RawBsonDocument raw = document instanceof RawBsonDocument r ? r : new RawBsonDocument(document, CODEC);
        ByteBuffer buffer = raw.getByteBuffer().asNIO();
        byte[] result = new byte[buffer.remaining()];
        buffer.get(result);
        return result;
    }
}
