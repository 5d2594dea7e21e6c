package io.ddt.internal.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

import io.ddt.CheckpointException;
import io.ddt.spi.Checkpoint;

/**
 * The bytes of a checkpoint file: one BSON document (so {@code bsondump} shows it)
 * {@code {format: "ddt-checkpoint", crc32c: NumberLong, checkpoint: {...}}}, the checksum taken
 * over the bytes of {@code checkpoint}. Reading checks the length, the BSON, the format and the
 * checksum before it trusts a field, and names the file in every error.
 */
final class CheckpointFile {

    static final String FORMAT = "ddt-checkpoint";

    private CheckpointFile() {
    }

    static byte[] encode(Checkpoint checkpoint) {
        RawBsonDocument body = new RawBsonDocument(checkpoint.toBson(), new BsonDocumentCodec());
        BsonDocument envelope = new BsonDocument("format", new BsonString(FORMAT))
            .append("crc32c", new BsonInt64(crc(body))).append("checkpoint", body);
        RawBsonDocument raw = new RawBsonDocument(envelope, new BsonDocumentCodec());
        ByteBuffer buffer = raw.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    static Checkpoint decode(byte[] bytes, Path file, String jobId) {
        checkLength(bytes, file, jobId);
        BsonDocument body = body(bytes, file, jobId);
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.fromBson(body);
        } catch (CheckpointException e) {
            throw new CheckpointException("Checkpoint file " + file + " cannot be used. " + e.getMessage(), e);
        }
        if (!checkpoint.jobId().equals(jobId)) {
            throw unusable(file, jobId, "it holds the checkpoint of job " + checkpoint.jobId() + ", not of job " + jobId, null);
        }
        return checkpoint;
    }

    private static void checkLength(byte[] bytes, Path file, String jobId) {
        if (bytes.length < 5) {
            throw unusable(file, jobId, "it is truncated: " + bytes.length + " bytes, less than any BSON document", null);
        }
        int declared = ByteBuffer.wrap(bytes, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (declared > bytes.length) {
            throw unusable(file, jobId, "it is truncated: it holds " + bytes.length + " of the " + declared + " bytes it declares", null);
        }
        if (declared != bytes.length) {
            throw unusable(file, jobId, "its length is wrong: it holds " + bytes.length + " bytes but declares " + declared, null);
        }
    }

    private static BsonDocument body(byte[] bytes, Path file, String jobId) {
        RawBsonDocument envelope = new RawBsonDocument(bytes);
        BsonValue format;
        BsonValue checksum;
        BsonValue body;
        try {
            format = envelope.get("format");
            checksum = envelope.get("crc32c");
            body = envelope.get("checkpoint");
        } catch (RuntimeException e) {
            // RawBsonDocument parses lazily: bad BSON shows up here, as a BsonSerializationException or worse.
            throw unusable(file, jobId, "it is not valid BSON (" + e.getMessage() + ")", e);
        }
        if (format == null || !format.isString() || !format.asString().getValue().equals(FORMAT)
            || checksum == null || !checksum.isInt64() || !(body instanceof RawBsonDocument)) {
            throw unusable(file, jobId, "it is not a ddt checkpoint file (no format \"" + FORMAT + "\", crc32c and checkpoint)", null);
        }
        if (checksum.asInt64().getValue() != crc((RawBsonDocument) body)) {
            throw unusable(file, jobId, "its checksum does not match its content, which was damaged or edited", null);
        }
        try {
            return body.asDocument().toBsonDocument();
        } catch (RuntimeException e) {
            throw unusable(file, jobId, "it is not valid BSON (" + e.getMessage() + ")", e);
        }
    }

    private static long crc(RawBsonDocument document) {
        CRC32C crc = new CRC32C();
        crc.update(document.getByteBuffer().asNIO());
        return crc.getValue();
    }

    static CheckpointException unusable(Path file, String jobId, String problem, Throwable cause) {
        return new CheckpointException("Checkpoint file " + file + " cannot be used: " + problem + ". ddt does not start "
            + "over on its own: restore the file from a backup, or delete it to start job " + jobId
            + " from the beginning.", cause);
    }
}
