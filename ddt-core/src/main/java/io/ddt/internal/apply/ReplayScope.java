package io.ddt.internal.apply;

import io.ddt.Namespace;

/**
 * Which source namespaces the applier replays: none of the server's own. The databases
 * {@code admin}, {@code local} and {@code config} hold the server's state (users, sessions,
 * sharding, the oplog itself) and {@code system.*} collections are written by the server as a
 * side effect of commands ({@code system.views} by view DDL, which arrives as its own events;
 * {@code system.buckets.*} by time-series inserts; {@code system.profile}, {@code system.js});
 * replaying them would fight the target's own bookkeeping.
 *
 * <p>This is the one place the rule lives: the applier asks it for each document change before
 * it partitions the change, and {@link DdlApplier} asks it for each DDL event. Stateless.
 */
public final class ReplayScope {

    private ReplayScope() {
    }

    /**
     * Tells whether changes to a source namespace are replayed on the target.
     *
     * @param source the namespace on the source; not null
     * @return false for {@code admin}, {@code local}, {@code config} and {@code system.*}
     */
    public static boolean isReplayed(Namespace source) {
        return !source.isInternalDatabase() && !source.isSystem();
    }

    /**
     * Tells whether a source database is replayed (a {@code dropDatabase}).
     *
     * @param database the database on the source; not null, not empty
     * @return false for {@code admin}, {@code local} and {@code config}
     */
    public static boolean isReplayed(String database) {
        return !Namespace.of(database, "any").isInternalDatabase();
    }
}
