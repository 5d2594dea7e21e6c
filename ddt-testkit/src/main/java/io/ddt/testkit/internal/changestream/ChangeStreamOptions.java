package io.ddt.testkit.internal.changestream;

import java.util.Objects;

/**
 * What a change stream watches and which events it shows: the {@code $changeStream} stage's
 * options that decide the shape of events. Immutable.
 *
 * <p>{@code fullDocument} is left to the caller (see
 * {@link ChangeEventBuilder#withFullDocument}); {@code fullDocumentBeforeChange} and
 * {@code showSystemEvents} are not supported.
 *
 * @param level whether the stream watches one collection, one database or the whole cluster
 * @param db the watched database; null for a cluster stream
 * @param coll the watched collection; null unless {@code level} is {@link Level#COLLECTION}
 * @param showExpandedEvents the stage's {@code showExpandedEvents}: adds {@code collectionUUID},
 *     {@code operationDescription}, {@code disambiguatedPaths} and the DDL events create,
 *     createIndexes, dropIndexes, modify and shardCollection
 * @param showRawUpdateDescription the stage's {@code showRawUpdateDescription} (internal, MongoDB
 *     6.0 and later): an update event carries the oplog entry's {@code o} as
 *     {@code rawUpdateDescription} instead of an {@code updateDescription}
 */
public record ChangeStreamOptions(Level level, String db, String coll, boolean showExpandedEvents,
                                  boolean showRawUpdateDescription) {

    /** How much of the cluster a stream watches. */
    public enum Level {
        /** {@code db.coll.watch()}: one collection. */
        COLLECTION,
        /** {@code db.watch()}: every non-system collection of one database. */
        DATABASE,
        /** {@code client.watch()}: every non-system collection outside admin, config, local. */
        CLUSTER
    }

    /** Checks that the names fit the level. */
    public ChangeStreamOptions {
        Objects.requireNonNull(level, "level");
        boolean needsDb = level != Level.CLUSTER;
        boolean needsColl = level == Level.COLLECTION;
        if (needsDb != (db != null) || needsColl != (coll != null)) {
            throw new IllegalArgumentException("a " + level + " stream takes "
                    + (needsColl ? "a database and a collection" : needsDb ? "a database only"
                    : "no names") + ", got db=" + db + ", coll=" + coll);
        }
        if ((db != null && (db.isEmpty() || db.contains("."))) || (coll != null && coll.isEmpty())) {
            throw new IllegalArgumentException("invalid namespace for a change stream: db=" + db
                    + ", coll=" + coll);
        }
    }

    /**
     * Options without raw update descriptions.
     *
     * @param level whether the stream watches one collection, one database or the whole cluster
     * @param db the watched database; null for a cluster stream
     * @param coll the watched collection; null unless {@code level} is {@link Level#COLLECTION}
     * @param showExpandedEvents the stage's {@code showExpandedEvents}
     */
    public ChangeStreamOptions(Level level, String db, String coll, boolean showExpandedEvents) {
        this(level, db, coll, showExpandedEvents, false);
    }

    /**
     * Returns the options of a stream on one collection, without expanded events.
     *
     * @param db the database
     * @param coll the collection
     * @return the options
     */
    public static ChangeStreamOptions collection(String db, String coll) {
        return new ChangeStreamOptions(Level.COLLECTION, db, coll, false);
    }

    /**
     * Returns the options of a stream on one database, without expanded events.
     *
     * @param db the database
     * @return the options
     */
    public static ChangeStreamOptions database(String db) {
        return new ChangeStreamOptions(Level.DATABASE, db, null, false);
    }

    /**
     * Returns the options of a stream on the whole cluster, without expanded events.
     *
     * @return the options
     */
    public static ChangeStreamOptions cluster() {
        return new ChangeStreamOptions(Level.CLUSTER, null, null, false);
    }

    /**
     * Returns these options with {@code showExpandedEvents} set as given.
     *
     * @param show the new value
     * @return the options
     */
    public ChangeStreamOptions withExpandedEvents(boolean show) {
        return new ChangeStreamOptions(level, db, coll, show, showRawUpdateDescription);
    }

    /**
     * Returns these options with {@code showRawUpdateDescription} set as given.
     *
     * @param show the new value
     * @return the options
     */
    public ChangeStreamOptions withRawUpdateDescription(boolean show) {
        return new ChangeStreamOptions(level, db, coll, showExpandedEvents, show);
    }
}
