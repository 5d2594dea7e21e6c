package io.ddt.event;

import java.util.Objects;

import io.ddt.Namespace;

/**
 * A database was dropped.
 *
 * <p>A database is not a namespace, so {@link #namespace()} is {@code null} and
 * {@link #database()} names it. MongoDB logs the drop of each of the database's collections as
 * its own {@link Drop} before this event, so an applier that filters namespaces sees those
 * first; this event then drops what is left of the database on the target.
 *
 * <p>Immutable and thread-safe.
 *
 * @param header the event's position, wall time and flags; not null
 * @param database the database dropped; not null, not empty
 */
public record DropDatabase(EventHeader header, String database) implements Ddl {

    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code database} is empty
     */
    public DropDatabase {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(database, "database");
        if (database.isEmpty()) {
            throw new IllegalArgumentException("database must not be empty");
        }
    }

    /**
     * Returns {@code null}: a dropped database has no collection namespace.
     *
     * @return null
     */
    @Override
    public Namespace namespace() {
        return null;
    }

    /**
     * Returns the kind, database and header.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "DropDatabase[" + database + ", " + header + "]";
    }
}
