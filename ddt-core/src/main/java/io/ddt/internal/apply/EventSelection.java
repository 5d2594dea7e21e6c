package io.ddt.internal.apply;

import io.ddt.DdtException;
import io.ddt.Namespace;
import io.ddt.NamespaceFilter;
import io.ddt.NamespaceMapping;
import io.ddt.event.Ddl;
import io.ddt.event.DocumentChange;
import io.ddt.event.Drop;
import io.ddt.event.DropDatabase;
import io.ddt.event.Rename;

/**
 * Which events the applier replays, and where to: never an internal namespace ({@code admin},
 * {@code local}, {@code config}, {@code system.*}), never a {@code fromMigrate} event, never a
 * write or DDL that would land on the conflict collection, and only what the filter selects (the
 * streamer filters first; this is the defence); a rename across the selection's edge is a drop
 * going out and a failure coming in. Immutable.
 */
final class EventSelection {

    private final NamespaceFilter filter;
    private final NamespaceMapping mapping;
    private final Namespace conflictNamespace;

    EventSelection(NamespaceFilter filter, NamespaceMapping mapping, Namespace conflictNamespace) {
        this.filter = filter;
        this.mapping = mapping;
        this.conflictNamespace = conflictNamespace;
    }

    /** Returns the target namespace of a document change, or null if it is not replayed. */
    Namespace target(DocumentChange change) {
        if (change.fromMigrate() || !selected(change.namespace())) {
            return null;
        }
        return isConflictCollection(change.namespace()) ? null : mapping.map(change.namespace());
    }

    boolean replays(Ddl ddl) {
        if (ddl.fromMigrate()) {
            return false;
        }
        if (ddl instanceof DropDatabase drop) {
            return ReplayScope.isReplayed(drop.database()) && filter.mayMatchDatabase(drop.database());
        }
        if (ddl instanceof Rename rename) {
            return (selected(rename.from()) || selected(rename.to()))
                && !isConflictCollection(rename.from()) && !isConflictCollection(rename.to());
        }
        return selected(ddl.namespace()) && !isConflictCollection(ddl.namespace());
    }

    /**
     * Returns what to apply for a DDL event that {@link #replays} selects. A rename out of the
     * selection drops the collection on the target: its later writes are not followed, so a
     * renamed copy would only go stale. A rename into it cannot be replayed: the target has none
     * of the documents the collection arrives with.
     *
     * @throws DdtException for a rename into the selection
     */
    Ddl replayed(Ddl ddl) {
        if (!(ddl instanceof Rename rename) || selected(rename.from()) == selected(rename.to())) {
            return ddl;
        }
        if (selected(rename.from())) {
            return new Drop(rename.header(), rename.from());
        }
        throw new DdtException("Cannot replay " + rename + ": it brings " + rename.from() + ", which the filter leaves out"
            + " and the target never got, into the selection as " + rename.to() + ", so the target would miss its"
            + " documents. Copy " + rename.to() + " again (a full copy), or widen the filter to " + rename.from()
            + " and start over");
    }

    private boolean isConflictCollection(Namespace source) {
        return mapping.map(source).equals(conflictNamespace);
    }

    private boolean selected(Namespace namespace) {
        return ReplayScope.isReplayed(namespace) && filter.matches(namespace);
    }
}
