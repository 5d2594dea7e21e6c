package io.ddt.event;

import java.util.Objects;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import io.ddt.Namespace;

/**
 * A collection or a view was created, with its options.
 *
 * <p>The options are those of the {@code create} command, as the source wrote them, without
 * the {@code create} field itself: {@code capped}, {@code size}, {@code max},
 * {@code validator}, {@code validationLevel}, {@code validationAction}, {@code collation},
 * {@code clusteredIndex}, {@code expireAfterSeconds}, {@code timeseries},
 * {@code changeStreamPreAndPostImages}, {@code idIndex}, and for a view {@code viewOn} and
 * {@code pipeline}. The legacy {@code ns} field of an {@code idIndex} (MongoDB 4.2 and earlier)
 * is removed, since it names the source namespace.
 *
 * <p>A view's creation is written in the oplog as an insert into {@code <db>.system.views};
 * {@code ChangeEvents} turns it into this event. A time-series collection appears as two
 * creations: its buckets collection {@code system.buckets.<name>}, with the {@code timeseries}
 * options, and the view {@code <name>} on it.
 *
 * <p>Immutable and thread-safe. {@link #toString()} names the kind of collection and its
 * option names, never option values.
 *
 * @param header the event's position, wall time and flags; not null
 * @param namespace the collection or view created; not null
 * @param options the creation options; not null, empty for a collection with default options
 */
public record Create(EventHeader header, Namespace namespace, BsonDocument options) implements Ddl {

    /** The collection name prefix of a time-series collection's buckets. */
    static final String BUCKETS_PREFIX = "system.buckets.";

    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if an argument is null
     */
    public Create {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(options, "options");
    }

    /**
     * Tells whether a view was created (including the view over a time-series collection).
     *
     * @return true if the options have {@code viewOn}
     */
    public boolean isView() {
        return options.isString("viewOn");
    }

    /**
     * Returns the collection or view the view reads from, in the same database.
     *
     * @return the source of the view, or {@code null} if this is not a view
     */
    public Namespace viewOn() {
        return isView() ? Namespace.of(namespace.database(), options.getString("viewOn").getValue()) : null;
    }

    /**
     * Returns the view's aggregation pipeline.
     *
     * @return the pipeline, or {@code null} if this is not a view or it has none
     */
    public BsonArray pipeline() {
        BsonValue pipeline = options.get("pipeline");
        return pipeline != null && pipeline.isArray() ? pipeline.asArray() : null;
    }

    /**
     * Tells whether a capped collection was created.
     *
     * @return true if the options say {@code capped: true}
     */
    public boolean isCapped() {
        BsonValue capped = options.get("capped");
        return capped != null && (capped.isBoolean() ? capped.asBoolean().getValue()
            : capped.isNumber() && capped.asNumber().doubleValue() != 0);
    }

    /**
     * Tells whether this belongs to a time-series collection: the buckets collection with the
     * {@code timeseries} options, or the view on a {@code system.buckets.} collection.
     *
     * @return true for either part of a time-series collection
     */
    public boolean isTimeSeries() {
        return options.containsKey("timeseries")
            || isView() && options.getString("viewOn").getValue().startsWith(BUCKETS_PREFIX);
    }

    /**
     * Tells whether a clustered collection was created (a collection whose documents are stored
     * in {@code _id} order, MongoDB 5.3 and later; time-series buckets are clustered too).
     *
     * @return true if the options have {@code clusteredIndex}
     */
    public boolean isClustered() {
        BsonValue clustered = options.get("clusteredIndex");
        return clustered != null && (clustered.isDocument() || clustered.isBoolean() && clustered.asBoolean().getValue());
    }

    /**
     * Returns the kind, namespace, what was created and the option names.
     *
     * @return the text, without option values
     */
    @Override
    public String toString() {
        String what = isTimeSeries() ? "time series " : "";
        what += isView() ? "view" : isCapped() ? "capped collection" : isClustered() ? "clustered collection" : "collection";
        return "Create[" + namespace + ", " + what + ", options " + EventText.names(options.keySet().stream().toList())
            + ", " + header + "]";
    }
}
