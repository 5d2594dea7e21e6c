package io.ddt.event;

import java.util.Objects;

/**
 * Nothing changed in the data; only the position moved. An applier records the position and
 * applies nothing.
 *
 * <p>The sources of no-ops, each named by {@link #reason()}:
 * <ul>
 *   <li>{@code "noop"}: an oplog {@code n} entry (the primary's periodic no-op, a new term, a
 *       reconfiguration, {@code appendOplogNote}, the markers that sharding writes);</li>
 *   <li>{@code "startIndexBuild"}, {@code "abortIndexBuild"}: a two-phase index build began or
 *       was abandoned; only its {@code commitIndexBuild} creates the index;</li>
 *   <li>{@code "abortTransaction"}: a prepared transaction was abandoned; its parts are
 *       discarded;</li>
 *   <li>{@code "dbCheck"}, {@code "modifyCollectionShardingIndexCatalog"}: commands that check
 *       or describe data without changing it;</li>
 *   <li>a change stream's sharding and system events, named by their {@code operationType}
 *       ({@code "shardCollection"}, {@code "reshardCollection"},
 *       {@code "refineCollectionShardKey"}, {@code "migrateChunkToNewShard"}, ...), which
 *       describe where data lives, not what it is.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param header the event's position, wall time and flags; not null
 * @param reason what the source wrote, as listed above; not null
 */
public record Noop(EventHeader header, String reason) implements ChangeEvent {

    /** The reason of an oplog {@code n} entry. */
    public static final String OPLOG_NOOP = "noop";

    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if an argument is null
     */
    public Noop {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * Returns the kind, reason and header.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "Noop[" + reason + ", " + header + "]";
    }
}
