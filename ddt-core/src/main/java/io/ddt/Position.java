package io.ddt;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * A point in the source's history: a cluster time and, where the reader has one, the change
 * stream's resume token for that point.
 *
 * <p>An oplog reader knows only the cluster time (the entry's {@code ts}); a change-stream reader
 * also knows the resume token (the event's {@code _id}, or a post-batch resume token), which it
 * needs to resume exactly where it stopped, since several events (those of one transaction) share
 * one cluster time.
 *
 * <p><b>Order.</b> Positions are totally ordered, first by cluster time. At the same cluster
 * time, a position without a token comes first: it stands for the start of that time, before any
 * event at it. Two positions with tokens at the same time are ordered by the tokens' {@code _data}
 * strings, the hexadecimal encoding in which MongoDB writes tokens so that their string order
 * follows the order of the events; tokens without a string {@code _data} (MongoDB 3.6 wrote
 * binary ones) are ordered by their canonical Extended JSON. The order is consistent with
 * {@link #equals(Object)}.
 *
 * <p><b>Checkpoints.</b> {@link #toBson()} and {@link #fromBson(BsonDocument)} write and read a
 * position as {@code {clusterTime: Timestamp, resumeToken: {...}}}, the token left out when there
 * is none.
 *
 * <p>Instances are immutable and thread-safe: the token is copied on the way in and on the way
 * out. {@link #toString()} shows the cluster time as the server writes it,
 * {@code Timestamp(seconds, increment)}, and a token only as a short hash, never in full.
 */
public final class Position implements Comparable<Position> {

    /** The field of {@link #toBson()} that holds the cluster time. */
    public static final String CLUSTER_TIME_FIELD = "clusterTime";
    /** The field of {@link #toBson()} that holds the resume token, when there is one. */
    public static final String RESUME_TOKEN_FIELD = "resumeToken";

    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final Comparator<Position> ORDER = Comparator.comparing(Position::clusterTime)
        .thenComparing(p -> p.tokenKey, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final BsonTimestamp clusterTime;
    /** The resume token, or null; never handed out, only copies. */
    private final BsonDocument resumeToken;
    /** The token's {@code _data} string, then its canonical JSON; null without a token: what orders tokens. */
    private final String tokenKey;

    private Position(BsonTimestamp clusterTime, BsonDocument resumeToken) {
        this.clusterTime = clusterTime;
        this.resumeToken = resumeToken == null ? null : resumeToken.clone();
        this.tokenKey = resumeToken == null ? null : tokenKey(resumeToken);
    }

    /**
     * Returns the position of a cluster time, without a resume token: what an oplog reader knows.
     *
     * @param clusterTime the cluster time; not null
     * @return the position
     * @throws NullPointerException if {@code clusterTime} is null
     */
    public static Position of(BsonTimestamp clusterTime) {
        return new Position(Objects.requireNonNull(clusterTime, "clusterTime"), null);
    }

    /**
     * Returns the position of a cluster time with the change stream's resume token for it.
     *
     * @param clusterTime the cluster time; not null
     * @param resumeToken the resume token as the server gave it ({@code {_data: "..."}}), or
     *     {@code null} for none; copied
     * @return the position
     * @throws NullPointerException if {@code clusterTime} is null
     */
    public static Position of(BsonTimestamp clusterTime, BsonDocument resumeToken) {
        return new Position(Objects.requireNonNull(clusterTime, "clusterTime"), resumeToken);
    }

    /**
     * Reads a position written by {@link #toBson()}.
     *
     * @param document the document; not null
     * @return the position
     * @throws NullPointerException if {@code document} is null
     * @throws IllegalArgumentException if {@code clusterTime} is missing or not a timestamp, or
     *     {@code resumeToken} is present but not a document
     */
    public static Position fromBson(BsonDocument document) {
        Objects.requireNonNull(document, "document");
        BsonValue time = document.get(CLUSTER_TIME_FIELD);
        BsonValue token = document.get(RESUME_TOKEN_FIELD);
        if (time == null || !time.isTimestamp()) {
            throw new IllegalArgumentException("not a position: '" + CLUSTER_TIME_FIELD + "' must be a timestamp");
        }
        if (token != null && !token.isDocument()) {
            throw new IllegalArgumentException("not a position: '" + RESUME_TOKEN_FIELD + "' must be a document");
        }
        return new Position(time.asTimestamp(), token == null ? null : token.asDocument());
    }

    /**
     * Writes this position as {@code {clusterTime: Timestamp, resumeToken: {...}}}, for
     * checkpoints; {@code resumeToken} is left out when there is none.
     *
     * @return a new document, which the caller may change
     */
    public BsonDocument toBson() {
        BsonDocument document = new BsonDocument(CLUSTER_TIME_FIELD, clusterTime);
        if (resumeToken != null) {
            document.append(RESUME_TOKEN_FIELD, resumeToken.clone());
        }
        return document;
    }

    /**
     * Returns the cluster time.
     *
     * @return the cluster time; never null
     */
    public BsonTimestamp clusterTime() {
        return clusterTime;
    }

    /**
     * Returns the change stream's resume token for this position.
     *
     * @return a copy of the token, or empty when the reader had none (an oplog reader never has)
     */
    public Optional<BsonDocument> resumeToken() {
        return Optional.ofNullable(resumeToken).map(BsonDocument::clone);
    }

    /**
     * Tells whether this position has a resume token.
     *
     * @return true if {@link #resumeToken()} is not empty
     */
    public boolean hasResumeToken() {
        return resumeToken != null;
    }

    /**
     * Orders by cluster time, then a position without a token before one with a token, then by
     * token, as the class description says.
     *
     * @param other the position to compare with; not null
     * @return a negative number, zero or a positive number as this position is before, at or
     *     after {@code other}
     */
    @Override
    public int compareTo(Position other) {
        return ORDER.compare(this, other);
    }

    /**
     * Two positions are equal when their cluster times are equal and both have no token or
     * tokens with the same fields in the same order.
     *
     * @param other the object to compare with
     * @return true if {@code other} is an equal position
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Position that && clusterTime.equals(that.clusterTime)
            && Objects.equals(tokenKey, that.tokenKey);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * clusterTime.hashCode() + Objects.hashCode(tokenKey);
    }

    /**
     * Returns the cluster time as {@code Timestamp(seconds, increment)}, followed, when there is
     * a token, by {@code token #} and eight hexadecimal digits of a hash of it: enough to tell
     * two tokens apart in a log, never the token itself.
     *
     * @return the text
     */
    @Override
    public String toString() {
        String time = "Timestamp(" + clusterTime.getTime() + ", " + clusterTime.getInc() + ")";
        return tokenKey == null ? time : time + " token #" + String.format("%08x", tokenKey.hashCode());
    }

    private static String tokenKey(BsonDocument token) {
        // _data first so that string tokens sort as the server sorts them; the whole token after
        // it, when it has more than _data, so that two different tokens never compare as equal.
        // JSON only when needed: a position is made for every change event read.
        BsonValue data = token.get("_data");
        if (data != null && data.isString()) {
            return token.size() == 1 ? data.asString().getValue() : data.asString().getValue() + '\u0000' + token.toJson(CANONICAL);
        }
        return token.toJson(CANONICAL);
    }
}
