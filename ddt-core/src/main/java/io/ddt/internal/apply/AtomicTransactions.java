package io.ddt.internal.apply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.concurrent.atomic.LongAdder;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;

import io.ddt.Namespace;

/**
 * Applies one source transaction's document writes in one target transaction, when the
 * settings ask for atomic transactions. Runs on the dispatcher thread, alone: every worker is
 * idle. The whole transaction is retried on transient errors (its writes are idempotent). If the
 * target refuses a write (a duplicate key), the transaction is aborted and its writes go the
 * serial way, one by one, under the conflict policy: atomicity is given up for that
 * transaction rather than the data.
 */
final class AtomicTransactions {

    private final MongoClient target;
    private final TargetWriter writer;
    private final Retrier retrier;
    private final SerialResolver resolver;
    private final LongAdder applied;

    AtomicTransactions(MongoClient target, TargetWriter writer, Retrier retrier, SerialResolver resolver, LongAdder applied) {
        this.target = target;
        this.writer = writer;
        this.retrier = retrier;
        this.resolver = resolver;
        this.applied = applied;
    }

    /** Applies the writes, all or none, and counts them done. */
    void apply(List<PendingWrite> writes) {
        if (writes.isEmpty()) {
            return;
        }
        Map<Namespace, List<PendingWrite>> byNamespace = new LinkedHashMap<>();
        writes.forEach(w -> byNamespace.computeIfAbsent(w.key().namespace(), ns -> new ArrayList<>()).add(w));
        byNamespace.replaceAll((namespace, group) -> BulkOrder.arrange(group));
        try {
            retrier.run("a transaction of " + writes.size() + " writes", () -> commit(byNamespace));
        } catch (MongoBulkWriteException e) {
            resolver.resolve(writes);
            return;
        }
        applied.add(writes.size());
        writes.forEach(PendingWrite::done);
    }

    private static void abort(ClientSession session, RuntimeException cause) {
        try {
            if (session.hasActiveTransaction()) {
                session.abortTransaction();
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private void commit(Map<Namespace, List<PendingWrite>> byNamespace) {
        try (ClientSession session = target.startSession()) {
            session.startTransaction();
            try {
                byNamespace.forEach((namespace, writes) -> writer.writeInSession(session, namespace, writes));
                session.commitTransaction();
            } catch (RuntimeException e) {
                abort(session, e);
                throw e;
            }
        }
    }
}
