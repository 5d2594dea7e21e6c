package io.ddt.internal.stream;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonTimestamp;

import io.ddt.event.ChangeEvent;
import io.ddt.event.EventHeader;
import io.ddt.event.Transaction;
import io.ddt.event.TransactionId;

/**
 * Joins the change events of one transaction into a {@link Transaction}. A change stream shows a
 * transaction as consecutive events with the same {@code lsid}, {@code txnNumber} and cluster
 * time; the group is held until something shows it complete: an event of anything else, a
 * post-batch resume token past its cluster time, or a {@code getMore} that came back empty (the
 * server unwinds a transaction's oplog entries in one go, so an empty reply means it has no more
 * of them). The caller keeps its position before a held group.
 *
 * <p>The transaction has the header of its last event (its resume token, so that a restart after
 * it skips it whole); the events inside keep their own. Not thread-safe.
 */
final class TransactionGroups {

    private final List<ChangeEvent> held = new ArrayList<>();
    private TransactionId id;
    private BsonTimestamp clusterTime;
    private long bytes;

    /**
     * Takes the next event read: {@code event} as read, {@code selected} as the namespace
     * filter left it (null when dropped). A dropped event still ends a group it is not part of.
     */
    void offer(ChangeEvent event, ChangeEvent selected, long eventBytes, BatchCollector out) {
        if (!held.isEmpty() && !inGroup(event)) {
            flush(out);
        }
        if (selected == null) {
            return;
        }
        if (event.transactionId() == null) {
            out.add(selected, eventBytes);
            return;
        }
        id = event.transactionId();
        clusterTime = event.position().clusterTime();
        held.add(selected);
        bytes += eventBytes;
    }

    /** The server has read past {@code time}: a group from before it is complete. */
    void passed(BsonTimestamp time, BatchCollector out) {
        if (!held.isEmpty() && time.compareTo(clusterTime) > 0) {
            flush(out);
        }
    }

    /** Hands the held group over as one transaction, if there is one. */
    void flush(BatchCollector out) {
        if (held.isEmpty()) {
            return;
        }
        EventHeader last = held.get(held.size() - 1).header();
        out.add(new Transaction(new EventHeader(last.position(), last.wallTime(), false, id), held), bytes);
        held.clear();
        bytes = 0;
    }

    /** True while a group is held, not yet known to be complete. */
    boolean holding() {
        return !held.isEmpty();
    }

    private boolean inGroup(ChangeEvent event) {
        return id.equals(event.transactionId()) && clusterTime.equals(event.position().clusterTime());
    }
}
