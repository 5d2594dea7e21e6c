package io.ddt.event;

import io.ddt.Namespace;

/**
 * A change to the shape of the data rather than to a document: a collection or view created,
 * dropped, renamed or modified, indexes created or dropped, a database dropped.
 *
 * <p>Appliers treat DDL as a barrier: everything before it is applied, then it alone, then
 * what follows. Index builds arrive as {@link CreateIndexes} once, when the source commits them
 * ({@code createIndexes}, or {@code commitIndexBuild} for a two-phase build); the
 * {@code startIndexBuild} and {@code abortIndexBuild} entries of MongoDB 4.4 and later become
 * {@link Noop}s.
 */
public sealed interface Ddl extends ChangeEvent
    permits Create, Drop, Rename, CreateIndexes, DropIndexes, CollMod, ConvertToCapped, DropDatabase {

    /**
     * Returns the collection or view the command acts on; for {@link Rename}, the one renamed.
     *
     * @return the namespace, or {@code null} for {@link DropDatabase}, which acts on a whole
     *     database
     */
    Namespace namespace();

    /**
     * Returns the database the command acts on.
     *
     * @return the database name; never null
     */
    default String database() {
        return namespace().database();
    }
}
