package io.ddt.spi;

import java.time.Instant;
import java.util.Arrays;

import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.BsonValue;

import io.ddt.CheckpointException;
import io.ddt.Phase;
import io.ddt.Position;

/**
 * Reads the BSON form of a {@link Checkpoint}, field by field, so that every problem is
 * reported with the field it is in rather than as a bare cast or parse error.
 */
final class CheckpointReader {

    private static final String REMEDY = " Restore the checkpoint from a backup, or delete it to start the job from the beginning.";

    private final BsonDocument document;
    /** The job's id once read, for messages; null before. */
    private String jobId;

    private CheckpointReader(BsonDocument document) {
        this.document = document;
    }

    static Checkpoint read(BsonDocument document) {
        return new CheckpointReader(document).read();
    }

    private Checkpoint read() {
        // The id first, leniently, so that even a format error names the job; the format next,
        // since a newer format may lay out every other field differently.
        BsonValue id = document.get(Checkpoint.JOB_ID);
        jobId = id != null && id.isString() ? id.asString().getValue() : null;
        checkFormat();
        field(Checkpoint.JOB_ID, BsonType.STRING);
        try {
            return Checkpoint.builder(jobId).phase(phase())
                .t0(position(Checkpoint.T0)).t1(position(Checkpoint.T1)).watermark(position(Checkpoint.WATERMARK))
                .copyState(copyState())
                .fingerprint(field(Checkpoint.FINGERPRINT, BsonType.STRING).asString().getValue())
                .savedAt(Instant.ofEpochMilli(field(Checkpoint.SAVED_AT, BsonType.DATE_TIME).asDateTime().getValue()))
                .build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw unusable(e.getMessage(), e);
        }
    }

    private void checkFormat() {
        BsonValue field = document.get(Checkpoint.FORMAT_VERSION_FIELD);
        if (field == null) {
            throw missing(Checkpoint.FORMAT_VERSION_FIELD);
        }
        if (!field.isNumber()) {
            throw unusable("'" + Checkpoint.FORMAT_VERSION_FIELD + "' must be a number but is " + field.getBsonType(), null);
        }
        // Any number: a hand edit in the shell writes a double, and the version's meaning is plain.
        long version = field.asNumber().longValue();
        if (version > Checkpoint.FORMAT_VERSION) {
            throw new CheckpointException(whose() + " has format version " + version
                + ", newer than this ddt reads (" + Checkpoint.FORMAT_VERSION + "): run the ddt version that wrote it,"
                + " or delete the checkpoint to start the job from the beginning.");
        }
        if (version < 1) {
            throw unusable("'" + Checkpoint.FORMAT_VERSION_FIELD + "' is " + version + ", not a format version", null);
        }
    }

    private Phase phase() {
        String name = field(Checkpoint.PHASE, BsonType.STRING).asString().getValue();
        try {
            return Phase.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw unusable("'" + Checkpoint.PHASE + "' is \"" + name + "\", not one of " + Arrays.toString(Phase.values()), e);
        }
    }

    private Position position(String name) {
        BsonValue value = document.get(name);
        if (value == null) {
            throw missing(name);
        }
        if (value.isNull()) {
            return null;
        }
        try {
            return Position.fromBson(checked(name, value, BsonType.DOCUMENT).asDocument());
        } catch (IllegalArgumentException e) {
            throw unusable("'" + name + "' is " + e.getMessage(), e);
        }
    }

    private CopyState copyState() {
        BsonDocument state = field(Checkpoint.COPY_STATE, BsonType.DOCUMENT).asDocument();
        try {
            return CopyState.fromBson(state);
        } catch (RuntimeException e) {
            // CopyState reports a missing array as IllegalArgumentException and a wrong type inside as BsonInvalidOperationException.
            throw unusable("'" + Checkpoint.COPY_STATE + "' is " + e.getMessage(), e);
        }
    }

    private BsonValue field(String name, BsonType type) {
        BsonValue value = document.get(name);
        if (value == null) {
            throw missing(name);
        }
        return checked(name, value, type);
    }

    private BsonValue checked(String name, BsonValue value, BsonType type) {
        if (value.getBsonType() != type) {
            throw unusable("'" + name + "' must be " + type + " but is " + value.getBsonType(), null);
        }
        return value;
    }

    private CheckpointException missing(String name) {
        return unusable("the field '" + name + "' is missing", null);
    }

    private CheckpointException unusable(String problem, Throwable cause) {
        return new CheckpointException(whose() + " is unusable: " + problem + "." + REMEDY, cause);
    }

    private String whose() {
        return jobId == null ? "The checkpoint" : "The checkpoint of job " + jobId;
    }
}
