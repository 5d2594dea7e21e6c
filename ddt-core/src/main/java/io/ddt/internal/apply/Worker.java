package io.ddt.internal.apply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.ddt.Namespace;

/**
 * One apply thread: takes the writes routed to it (all writes of a document come to the same
 * worker, in order), groups what is queued by namespace and writes each group as ordered bulk
 * writes, arranged by {@link BulkOrder} into few commands. Writes of different documents may be reordered, within a worker as across workers;
 * one document's never are.
 *
 * <p>A write refused for a duplicate key is parked, with every later write of the same key,
 * until the dispatcher drains all workers and hands the parked writes to the
 * {@link SerialResolver}. The parked list is touched by this thread while it runs and by the
 * dispatcher only while every worker is idle.
 */
final class Worker implements Runnable {

    private final ApplyContext context;
    private final BlockingQueue<List<PendingWrite>> queue = new LinkedBlockingQueue<>();
    private final List<PendingWrite> parked = new ArrayList<>();
    private final Set<WriteKey> parkedKeys = new HashSet<>();

    Worker(ApplyContext context) {
        this.context = context;
    }

    /** Queues writes; the caller has counted them in flight and on their tickets. */
    void submit(List<PendingWrite> writes) {
        queue.add(writes);
    }

    /** Hands over the parked writes and forgets them; only while every worker is idle. */
    List<PendingWrite> takeParked() {
        List<PendingWrite> taken = new ArrayList<>(parked);
        parked.clear();
        parkedKeys.clear();
        return taken;
    }

    @Override
    public void run() {
        try {
            while (!context.tracker().stopping()) {
                List<PendingWrite> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<PendingWrite> writes = withQueued(first);
                    try {
                        applyAll(writes);
                    } finally {
                        context.inFlight().done(writes.size());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            context.fail(e);
        }
    }

    /** Adds what else is queued, so that a stream of small batches still makes large bulk writes. */
    private List<PendingWrite> withQueued(List<PendingWrite> first) {
        List<PendingWrite> writes = new ArrayList<>(first);
        int limit = context.settings().batchDocuments() * 4;
        List<PendingWrite> next;
        while (writes.size() < limit && (next = queue.poll()) != null) {
            writes.addAll(next);
        }
        return writes;
    }

    private void applyAll(List<PendingWrite> writes) {
        Map<Namespace, List<PendingWrite>> byNamespace = new LinkedHashMap<>();
        for (PendingWrite write : writes) {
            byNamespace.computeIfAbsent(write.key().namespace(), ns -> new ArrayList<>()).add(write);
        }
        byNamespace.forEach(this::applyNamespace);
    }

    private void applyNamespace(Namespace namespace, List<PendingWrite> writes) {
        List<PendingWrite> todo = withoutParked(BulkOrder.arrange(writes));
        int size = context.settings().batchDocuments();
        while (!todo.isEmpty() && !context.tracker().stopping()) {
            List<PendingWrite> bulk = todo.subList(0, Math.min(size, todo.size()));
            TargetWriter.Outcome outcome = context.writer().write(namespace, bulk);
            context.applied().add(outcome.applied().size());
            outcome.applied().forEach(PendingWrite::done);
            List<PendingWrite> rest = new ArrayList<>(outcome.unattempted());
            rest.addAll(todo.subList(bulk.size(), todo.size()));
            if (outcome.refused() != null) {
                park(outcome.refused());
            }
            todo = withoutParked(rest);
        }
    }

    private List<PendingWrite> withoutParked(List<PendingWrite> writes) {
        if (parkedKeys.isEmpty()) {
            return writes;
        }
        List<PendingWrite> kept = new ArrayList<>(writes.size());
        for (PendingWrite write : writes) {
            if (parkedKeys.contains(write.key())) {
                park(write);
            } else {
                kept.add(write);
            }
        }
        return kept;
    }

    private void park(PendingWrite write) {
        parked.add(write);
        parkedKeys.add(write.key());
        context.parkedWrites().set(true);
    }
}
