package io.ddt.internal.stream;

import java.util.ArrayList;
import java.util.List;

import io.ddt.Namespace;
import io.ddt.NamespaceFilter;
import io.ddt.event.ChangeEvent;
import io.ddt.event.Ddl;
import io.ddt.event.DocumentChange;
import io.ddt.event.DropDatabase;
import io.ddt.event.Invalidate;
import io.ddt.event.Noop;
import io.ddt.event.Rename;
import io.ddt.event.Transaction;

/**
 * Decides, after parsing, which events a stream hands over: the namespace filter's final word on
 * what the server pre-filtered.
 *
 * <ul>
 *   <li>A document change or DDL is kept when the filter matches its namespace. A time-series
 *       collection's buckets ({@code db.system.buckets.x}) count as the collection {@code db.x}
 *       itself, which is what a user names.</li>
 *   <li>A rename is kept when either side matches: out of the selection, the target must lose the
 *       collection; into it, the target must get it (an applier that cannot copy it must fail).
 *       The streamers pass the decision on with both namespaces.</li>
 *   <li>A {@code dropDatabase} is kept when some namespace of the database may match.</li>
 *   <li>A transaction keeps only its selected events, and goes when none is left.</li>
 *   <li>No-ops go (the batch position says the same), and so do {@code fromMigrate} events,
 *       which the sharding machinery wrote.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
final class NamespaceSelection {

    private static final String BUCKETS = "system.buckets.";

    private final NamespaceFilter filter;

    NamespaceSelection(NamespaceFilter filter) {
        this.filter = filter;
    }

    /** Returns the event as the stream hands it over, or null when nothing of it is selected. */
    ChangeEvent select(ChangeEvent event) {
        if (event.fromMigrate() || event instanceof Noop) {
            return null;
        }
        if (event instanceof Transaction transaction) {
            return selectWithin(transaction);
        }
        return event instanceof Invalidate || selects(event) ? event : null;
    }

    private boolean selects(ChangeEvent event) {
        if (event instanceof DocumentChange change) {
            return selects(change.namespace());
        }
        if (event instanceof Rename rename) {
            return selects(rename.from()) || selects(rename.to());
        }
        if (event instanceof DropDatabase drop) {
            return filter.mayMatchDatabase(drop.database());
        }
        return event instanceof Ddl ddl && selects(ddl.namespace());
    }

    private boolean selects(Namespace namespace) {
        String collection = namespace.collection();
        if (collection.startsWith(BUCKETS) && collection.length() > BUCKETS.length()) {
            return filter.matches(Namespace.of(namespace.database(), collection.substring(BUCKETS.length())));
        }
        return filter.matches(namespace);
    }

    private Transaction selectWithin(Transaction transaction) {
        List<ChangeEvent> kept = new ArrayList<>(transaction.events().size());
        for (ChangeEvent event : transaction.events()) {
            ChangeEvent selected = select(event);
            if (selected != null) {
                kept.add(selected);
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        return kept.size() == transaction.events().size() ? transaction : new Transaction(transaction.header(), kept);
    }
}
