package io.ddt.testkit.internal.server;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.bson.BsonArray;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

/**
 * Reads client requests and writes server replies in the MongoDB wire protocol: OP_MSG for every
 * command, and the legacy OP_QUERY/OP_REPLY pair that drivers still use for the first handshake.
 */
final class WireCodec {

    static final int OP_REPLY = 1;
    static final int OP_QUERY = 2004;
    static final int OP_MSG = 2013;
    static final int MAX_MESSAGE_SIZE = 48_000_000;

    private static final int CHECKSUM_PRESENT = 1;
    private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();

    private WireCodec() {
    }

    /** A decoded request: the command document with any document sequences folded in. */
    record Request(int requestId, int opCode, String database, BsonDocument command) {
    }

    /** Reads one request, or returns null at a clean end of stream. */
    static Request read(InputStream in) throws IOException {
        byte[] header = new byte[16];
        int first = in.read();
        if (first < 0) {
            return null;
        }
        header[0] = (byte) first;
        new DataInputStream(in).readFully(header, 1, 15);
        ByteBuffer head = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        int length = head.getInt();
        int requestId = head.getInt();
        head.getInt();
        int opCode = head.getInt();
        if (length < 16 || length > MAX_MESSAGE_SIZE) {
            throw new IOException("bad message length " + length);
        }
        byte[] body = new byte[length - 16];
        new DataInputStream(in).readFully(body);
        ByteBuffer buffer = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        switch (opCode) {
            case OP_MSG: return readMsg(requestId, buffer);
            case OP_QUERY: return readQuery(requestId, buffer);
            default: throw new IOException("unsupported opCode " + opCode);
        }
    }

    private static Request readMsg(int requestId, ByteBuffer buffer) throws IOException {
        int flags = buffer.getInt();
        int end = buffer.limit() - ((flags & CHECKSUM_PRESENT) != 0 ? 4 : 0);
        BsonDocument command = null;
        while (buffer.position() < end) {
            byte kind = buffer.get();
            if (kind == 0) {
                command = readDocument(buffer).decode(CODEC);
            } else if (kind == 1) {
                int sectionStart = buffer.position();
                int size = buffer.getInt();
                String identifier = readCString(buffer);
                BsonArray documents = new BsonArray();
                while (buffer.position() < sectionStart + size) {
                    documents.add(readDocument(buffer).decode(CODEC));
                }
                if (command == null) {
                    throw new IOException("document sequence before the body section");
                }
                command.put(identifier, documents);
            } else {
                throw new IOException("unknown OP_MSG section kind " + kind);
            }
        }
        if (command == null) {
            throw new IOException("OP_MSG without a body");
        }
        String database = command.containsKey("$db") ? command.getString("$db").getValue() : "admin";
        return new Request(requestId, OP_MSG, database, command);
    }

    private static Request readQuery(int requestId, ByteBuffer buffer) throws IOException {
        buffer.getInt();
        String collection = readCString(buffer);
        buffer.getInt();
        buffer.getInt();
        BsonDocument query = readDocument(buffer).decode(CODEC);
        if (query.containsKey("$query")) {
            query = query.getDocument("$query");
        }
        int dot = collection.indexOf('.');
        return new Request(requestId, OP_QUERY, dot < 0 ? collection : collection.substring(0, dot), query);
    }

    private static RawBsonDocument readDocument(ByteBuffer buffer) {
        int size = buffer.getInt(buffer.position());
        byte[] bytes = new byte[size];
        buffer.get(bytes);
        return new RawBsonDocument(bytes);
    }

    private static String readCString(ByteBuffer buffer) throws IOException {
        int start = buffer.position();
        while (buffer.get() != 0) {
            if (!buffer.hasRemaining()) {
                throw new IOException("unterminated string");
            }
        }
        return new String(buffer.array(), start, buffer.position() - start - 1, StandardCharsets.UTF_8);
    }

    /**
     * Writes the reply to a request in the protocol the request came in. The reply is encoded
     * once, after room for the header, into a buffer sized for its documents: a doubling buffer
     * would allocate twice a large batch's size, and on a fake whose heap is mostly full each
     * such humongous allocation can start a marking of the whole heap.
     */
    static void writeReply(OutputStream out, Request request, int replyId, BsonDocument response) throws IOException {
        boolean msg = request.opCode() == OP_MSG;
        int headerLength = msg ? 21 : 36;
        BasicOutputBuffer buffer = new BasicOutputBuffer(headerLength + estimatedSize(response));
        buffer.writeBytes(new byte[headerLength]);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            CODEC.encode(writer, response, EncoderContext.builder().build());
        }
        buffer.writeInt32(0, buffer.getPosition());
        buffer.writeInt32(4, replyId);
        buffer.writeInt32(8, request.requestId());
        buffer.writeInt32(12, msg ? OP_MSG : OP_REPLY);
        if (!msg) {
            buffer.writeInt32(16, 8); // responseFlags: AwaitCapable; cursorId and startingFrom stay 0
            buffer.writeInt32(32, 1); // numberReturned
        }
        buffer.pipe(out);
    }

    /** About the encoded size of a reply: the bytes of the documents in its batch, and some. */
    private static int estimatedSize(BsonDocument response) {
        int size = 1024;
        BsonValue cursor = response.get("cursor");
        if (cursor != null && cursor.isDocument()) {
            for (String field : new String[] {"firstBatch", "nextBatch"}) {
                BsonValue batch = cursor.asDocument().get(field);
                for (BsonValue document : batch != null && batch.isArray() ? batch.asArray() : new BsonArray()) {
                    size += document instanceof RawBsonDocument raw ? raw.getByteBuffer().remaining() + 8 : 0;
                }
            }
        }
        return size;
    }

    /** The encoded size of a document, without encoding it again if it is already bytes. */
    static int size(BsonDocument document) {
        if (document instanceof RawBsonDocument raw) {
            return raw.getByteBuffer().remaining();
        }
        return encode(document).length;
    }

    static byte[] encode(BsonDocument document) {
        if (document instanceof RawBsonDocument) {
            RawBsonDocument raw = (RawBsonDocument) document;
            ByteBuffer buffer = raw.getByteBuffer().asNIO();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }
        BasicOutputBuffer output = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(output)) {
            CODEC.encode(writer, document, EncoderContext.builder().build());
        }
        return output.toByteArray();
    }

    static void checkEndOfStream(int read) throws EOFException {
        if (read < 0) {
            throw new EOFException();
        }
    }
}
