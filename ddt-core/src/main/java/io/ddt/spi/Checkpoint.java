package io.ddt.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

import io.ddt.Phase;
import io.ddt.Position;

/**
 * How far one job got, as a {@link CheckpointStore} keeps it: enough for a restarted job to
 * continue where the last one stopped, redoing little and losing nothing.
 *
 * <ul>
 *   <li>{@link #jobId()}: the job, as the store files it.</li>
 *   <li>{@link #phase()}: copying, streaming or done; see {@link Phase} for the order per mode.</li>
 *   <li>{@link #t0()}: the source's position read before the copy began, where the replay of the
 *       source's history starts; unknown only before it is read (a {@code REALTIME} job may
 *       record its start position here).</li>
 *   <li>{@link #t1()}: the source's position when the copy ended; a {@code FULL_AND_INCREMENTAL}
 *       job replays up to it. Unknown while copying.</li>
 *   <li>{@link #copyState()}: each collection's ranges and how far they got.</li>
 *   <li>{@link #watermark()}: the position P such that every event at or before P is on the
 *       target (what {@link ChangeApplier#watermark()} reports after a flush); unknown until the
 *       first batch is applied.</li>
 *   <li>{@link #fingerprint()}: a hash of the job's configuration, so that a restart with a
 *       different configuration is caught before it writes; see {@link #fingerprintOf}.</li>
 *   <li>{@link #savedAt()}: when the job made this checkpoint, to the millisecond.</li>
 * </ul>
 *
 * <p><b>BSON form.</b> {@link #toBson()} writes every field, an unknown position as null:
 * <pre>{ formatVersion: 1, jobId: "...", phase: "STREAMING", t0: {clusterTime: ...} | null,
 *   t1: ... | null, watermark: ... | null, copyState: {collections: [...]},
 *   fingerprint: "sha256:...", savedAt: ISODate(...) }</pre>
 * {@link #fromBson(BsonDocument)} reads it back exactly; it refuses a document written in a newer
 * format, or with a field missing or of the wrong type, with a {@link io.ddt.CheckpointException}
 * that names the field. Fields it does not know (a store's own {@code _id}) are ignored.
 *
 * <p>Immutable and thread-safe; {@link #toBuilder()} starts the next checkpoint from this one.
 * {@link #toString()} never shows a resume token or a document's {@code _id}.
 */
public final class Checkpoint {

    /** The format {@link #toBson()} writes and the newest that {@link #fromBson} reads. */
    public static final int FORMAT_VERSION = 1;

    static final String FORMAT_VERSION_FIELD = "formatVersion";
    static final String JOB_ID = "jobId";
    static final String PHASE = "phase";
    static final String T0 = "t0";
    static final String T1 = "t1";
    static final String WATERMARK = "watermark";
    static final String COPY_STATE = "copyState";
    static final String FINGERPRINT = "fingerprint";
    static final String SAVED_AT = "savedAt";

    private final String jobId;
    private final Phase phase;
    private final Position t0;
    private final Position t1;
    private final Position watermark;
    private final CopyState copyState;
    private final String fingerprint;
    private final Instant savedAt;

    private Checkpoint(Builder builder) {
        this.jobId = builder.jobId;
        this.phase = builder.phase;
        this.t0 = builder.t0;
        this.t1 = builder.t1;
        this.watermark = builder.watermark;
        this.copyState = builder.copyState;
        this.fingerprint = builder.fingerprint;
        this.savedAt = builder.savedAt == null ? Instant.now().truncatedTo(ChronoUnit.MILLIS) : builder.savedAt;
    }

    /**
     * Starts a checkpoint of a job.
     *
     * @param jobId the job's id; not null or blank
     * @return a builder with an empty copy state and no positions
     * @throws IllegalArgumentException if {@code jobId} is null or blank
     */
    public static Builder builder(String jobId) {
        return new Builder(jobId);
    }

    /**
     * Starts a builder holding every field of this checkpoint, {@link #savedAt()} included:
     * set it again (or leave it to {@link Builder#build()}'s default by passing null) for the
     * next save.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(jobId).phase(phase).t0(t0).t1(t1).watermark(watermark).copyState(copyState)
            .fingerprint(fingerprint).savedAt(savedAt);
    }

    /**
     * Reads a checkpoint written by {@link #toBson()} in this format or an older one.
     *
     * @param document the document; not null
     * @return the checkpoint, equal to the one written
     * @throws NullPointerException if {@code document} is null
     * @throws io.ddt.CheckpointException if the document is of a newer format, lacks a field,
     *     holds a field of the wrong type or breaks a rule of {@link Builder#build()}; the
     *     message names the job (when known) and the field
     */
    public static Checkpoint fromBson(BsonDocument document) {
        return CheckpointReader.read(Objects.requireNonNull(document, "document"));
    }

    /**
     * Writes this checkpoint in the form the class description shows, every field present.
     *
     * @return a new document, which the caller may change
     */
    public BsonDocument toBson() {
        return new BsonDocument(FORMAT_VERSION_FIELD, new BsonInt32(FORMAT_VERSION))
            .append(JOB_ID, new BsonString(jobId))
            .append(PHASE, new BsonString(phase.name()))
            .append(T0, bson(t0))
            .append(T1, bson(t1))
            .append(WATERMARK, bson(watermark))
            .append(COPY_STATE, copyState.toBson())
            .append(FINGERPRINT, new BsonString(fingerprint))
            .append(SAVED_AT, new BsonDateTime(savedAt.toEpochMilli()));
    }

    /**
     * Hashes the settings that decide what a job copies, for {@link Builder#fingerprint}: a
     * restarted job whose fingerprint differs from its checkpoint's must refuse to continue,
     * since the target was built under other rules.
     *
     * <p>A {@code Transfer} passes the {@code SyncMode}'s name and the canonical text of each
     * setting that changes what ends up on the target: the namespace filter, the namespace
     * mapping, the start or end position it was given, the policies for existing target data
     * and refused documents. It leaves out what only changes how fast or how the work is done
     * (threads, byte budgets, batch sizes, the commit policy), so that a restart may tune those.
     *
     * @param settings the settings' canonical texts, in a fixed order; none null
     * @return {@code "sha256:"} and 64 hexadecimal digits; equal for equal lists, and different
     *     when the lists differ (the parts are length-prefixed, so {@code ("ab", "c")} and
     *     {@code ("a", "bc")} differ)
     * @throws NullPointerException if {@code settings} or one of them is null
     */
    public static String fingerprintOf(String... settings) {
        MessageDigest digest = sha256();
        for (String setting : settings) {
            byte[] bytes = Objects.requireNonNull(setting, "setting").getBytes(StandardCharsets.UTF_8);
            digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            digest.update(bytes);
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /** @return the job's id; never null */
    public String jobId() {
        return jobId;
    }

    /** @return the phase the job was in; never null */
    public Phase phase() {
        return phase;
    }

    /** @return the source's position before the copy began (where replay starts), or empty if not known yet */
    public Optional<Position> t0() {
        return Optional.ofNullable(t0);
    }

    /** @return the source's position when the copy ended, or empty while copying or without a copy */
    public Optional<Position> t1() {
        return Optional.ofNullable(t1);
    }

    /** @return the position up to which every event is on the target, or empty before the first applied batch */
    public Optional<Position> watermark() {
        return Optional.ofNullable(watermark);
    }

    /** @return the copy's state per collection; empty when no copy ran; never null */
    public CopyState copyState() {
        return copyState;
    }

    /** @return the fingerprint of the configuration that wrote this checkpoint; never null */
    public String fingerprint() {
        return fingerprint;
    }

    /** @return when the job made this checkpoint, to the millisecond; never null */
    public Instant savedAt() {
        return savedAt;
    }

    /**
     * Two checkpoints are equal when every field is equal, {@link #savedAt()} included.
     *
     * @param other the object to compare with
     * @return true if {@code other} is an equal checkpoint
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && jobId.equals(that.jobId) && phase == that.phase
            && Objects.equals(t0, that.t0) && Objects.equals(t1, that.t1) && Objects.equals(watermark, that.watermark)
            && copyState.equals(that.copyState) && fingerprint.equals(that.fingerprint) && savedAt.equals(that.savedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobId, phase, t0, t1, watermark, copyState, fingerprint, savedAt);
    }

    /**
     * Describes the checkpoint for a log: every field, positions as {@link Position#toString()}
     * shows them (no resume token) and the copy state as a count of collections and documents.
     */
    @Override
    public String toString() {
        return "Checkpoint[job=" + jobId + ", phase=" + phase + ", t0=" + t0 + ", t1=" + t1 + ", watermark=" + watermark
            + ", " + copyState + ", fingerprint=" + fingerprint + ", savedAt=" + savedAt + "]";
    }

    private static BsonValue bson(Position position) {
        return position == null ? BsonNull.VALUE : position.toBson();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (java.security.MessageDigest's contract).
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }

    /**
     * Collects the fields of a {@link Checkpoint}. Setters check their argument at once;
     * {@link #build()} checks the fields against each other. Not thread-safe.
     */
    public static final class Builder {

        private final String jobId;
        private Phase phase;
        private Position t0;
        private Position t1;
        private Position watermark;
        private CopyState copyState = CopyState.empty();
        private String fingerprint;
        private Instant savedAt;

        private Builder(String jobId) {
            if (jobId == null || jobId.isBlank()) {
                throw new IllegalArgumentException("jobId must not be null or blank");
            }
            this.jobId = jobId;
        }

        /**
         * Sets the phase. Required.
         *
         * @param phase the phase; not null
         * @return this builder
         */
        public Builder phase(Phase phase) {
            this.phase = Objects.requireNonNull(phase, "phase");
            return this;
        }

        /**
         * Sets T0, the source's position read before the copy began.
         *
         * @param t0 the position, or null while unknown (the default)
         * @return this builder
         */
        public Builder t0(Position t0) {
            this.t0 = t0;
            return this;
        }

        /**
         * Sets T1, the source's position when the copy ended.
         *
         * @param t1 the position, or null while unknown (the default)
         * @return this builder
         */
        public Builder t1(Position t1) {
            this.t1 = t1;
            return this;
        }

        /**
         * Sets the watermark: every event at or before it is on the target.
         *
         * @param watermark the position, or null before the first applied batch (the default)
         * @return this builder
         */
        public Builder watermark(Position watermark) {
            this.watermark = watermark;
            return this;
        }

        /**
         * Sets the copy's state.
         *
         * @param copyState the state; not null; {@link CopyState#empty()} by default
         * @return this builder
         */
        public Builder copyState(CopyState copyState) {
            this.copyState = Objects.requireNonNull(copyState, "copyState");
            return this;
        }

        /**
         * Sets the configuration's fingerprint, as {@link Checkpoint#fingerprintOf} computes it.
         * Required.
         *
         * @param fingerprint the fingerprint; not null or empty
         * @return this builder
         * @throws IllegalArgumentException if it is null or empty
         */
        public Builder fingerprint(String fingerprint) {
            if (fingerprint == null || fingerprint.isEmpty()) {
                throw new IllegalArgumentException("fingerprint must not be null or empty");
            }
            this.fingerprint = fingerprint;
            return this;
        }

        /**
         * Sets when the checkpoint was made, cut to the millisecond (what its BSON form keeps).
         *
         * @param savedAt the time, or null for the time of {@link #build()} (the default)
         * @return this builder
         */
        public Builder savedAt(Instant savedAt) {
            this.savedAt = savedAt == null ? null : savedAt.truncatedTo(ChronoUnit.MILLIS);
            return this;
        }

        /**
         * Builds the checkpoint.
         *
         * @return the checkpoint
         * @throws IllegalStateException if the phase or the fingerprint is not set, T1 is set
         *     without T0 or before it, or T1 is set while {@link Phase#COPYING} (the copy has
         *     not ended)
         */
        public Checkpoint build() {
            check(phase != null, "the phase is not set");
            check(fingerprint != null, "the fingerprint is not set");
            check(t1 == null || t0 != null, "T1 is set but T0 is not");
            check(t1 == null || t1.compareTo(t0) >= 0, "T1 " + t1 + " is before T0 " + t0);
            check(t1 == null || phase != Phase.COPYING, "T1 is set while the phase is COPYING");
            return new Checkpoint(this);
        }

        private void check(boolean condition, String problem) {
            if (!condition) {
                throw new IllegalStateException("checkpoint of job " + jobId + ": " + problem);
            }
        }
    }
}
