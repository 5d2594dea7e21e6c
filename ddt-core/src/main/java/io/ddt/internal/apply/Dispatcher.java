package io.ddt.internal.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.ddt.Namespace;
import io.ddt.Position;
import io.ddt.event.ChangeEvent;
import io.ddt.event.Ddl;
import io.ddt.event.DocumentChange;
import io.ddt.event.Transaction;
import io.ddt.spi.EventBatch;

/**
 * The thread between the caller and the workers: takes handed-over batches in order, holds
 * events back for the configured delay, routes each document write to its key's worker, and
 * runs barriers (DDL; transactions when atomic) alone once every worker is idle, saving the
 * watermarks on either side of each top-level DDL through {@link SavePoints}. It also
 * resolves parked duplicate-key writes, serially, whenever workers have parked some and are all
 * idle. Noops, invalidates and skipped events apply nothing; their batch's position still
 * becomes the watermark.
 */
final class Dispatcher implements Runnable {

    /** Thrown out of a barrier when applying stops while it waits; ends the thread quietly. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    private record Handed(EventBatch batch, BatchTicket ticket) {
    }

    private final ApplyContext context;
    private final Worker[] workers;
    private final List<List<PendingWrite>> pending = new ArrayList<>();
    private final BlockingQueue<Handed> inbound = new LinkedBlockingQueue<>();
    private final EventSelection selection;
    private final Barriers barriers;
    private final DelayGate delay;
    private final SavePoints savePoints;
    private long seq;
    private BatchTicket current;
    /** The position of the last event (or batch) routed whole: all applied once the workers are drained. */
    private Position routed;

    Dispatcher(ApplyContext context, Worker[] workers, EventSelection selection, Barriers barriers, SavePoints savePoints) {
        this.context = context;
        this.workers = workers;
        this.selection = selection;
        this.barriers = barriers;
        this.savePoints = savePoints;
        this.delay = new DelayGate(context.settings().delay(), context.tracker()::stopping);
        for (int i = 0; i < workers.length; i++) {
            pending.add(new ArrayList<>());
        }
    }

    void handOver(EventBatch batch, BatchTicket ticket) {
        inbound.add(new Handed(batch, ticket));
    }

    @Override
    public void run() {
        try {
            while (!context.tracker().stopping()) {
                Handed next = inbound.poll(50, TimeUnit.MILLISECONDS);
                if (next != null) {
                    dispatch(next);
                }
                if (context.parkedWrites().get()) {
                    drain();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Stopped e) {
            // applying stopped while a barrier waited: the failure or close is already recorded
        } catch (RuntimeException e) {
            context.fail(e);
        }
    }

    private void dispatch(Handed handed) throws InterruptedException {
        current = handed.ticket();
        for (ChangeEvent event : handed.batch().events()) {
            delay.await(event, this::sendPending);
            if (context.tracker().stopping()) {
                // closed or failed: nothing new starts, not even a DDL while the workers happen to be idle
                throw new Stopped();
            }
            route(event, true);
            routed = event.position();
        }
        sendPending();
        current.done(1);
        routed = handed.batch().position();
    }

    private void route(ChangeEvent event, boolean topLevel) throws InterruptedException {
        if (event instanceof DocumentChange change) {
            routeWrite(change);
        } else if (event instanceof Ddl ddl) {
            if (selection.replays(ddl)) {
                routeDdl(selection.replayed(ddl), topLevel);
            }
        } else if (event instanceof Transaction transaction) {
            if (context.settings().atomicTransactions()) {
                routeAtomically(transaction);
            } else {
                for (ChangeEvent inner : transaction.events()) {
                    route(inner, false);
                }
            }
        }
    }

    /**
     * Runs a DDL event alone, with the watermarks on either side of it saved, so that no restart
     * replays writes across it. A DDL inside a transaction (a create, or an index on a collection
     * the transaction created: all MongoDB allows there) has no position of its own to resume
     * from and gets none; replaying those over a later target state is harmless. (A plain
     * {@code applyOps} command, which tools such as {@code mongorestore --oplogReplay} write, may
     * hold any DDL; a restart in the middle of one is not covered.)
     */
    private void routeDdl(Ddl ddl, boolean topLevel) throws InterruptedException {
        barrier();
        if (topLevel) {
            savePoints.save(routed);
        }
        if (context.tracker().stopping()) {
            throw new Stopped();
        }
        barriers.ddl(ddl);
        if (topLevel) {
            savePoints.save(ddl.position());
        }
    }

    private void routeWrite(DocumentChange change) {
        PendingWrite write = pendingWrite(change);
        if (write != null) {
            int worker = write.key().partition(workers.length);
            pending.get(worker).add(write);
            if (pending.get(worker).size() >= context.settings().batchDocuments()) {
                send(worker);
            }
        }
    }

    /** The transaction's writes in one target transaction; a DDL inside splits it, since DDL runs alone. */
    private void routeAtomically(Transaction transaction) throws InterruptedException {
        List<PendingWrite> writes = new ArrayList<>();
        for (ChangeEvent inner : transaction.events()) {
            if (inner instanceof DocumentChange change) {
                PendingWrite write = pendingWrite(change);
                if (write != null) {
                    writes.add(write);
                }
            } else if (inner instanceof Ddl) {
                commitAtomically(writes);
                writes = new ArrayList<>();
                route(inner, false);
            }
        }
        commitAtomically(writes);
    }

    private void commitAtomically(List<PendingWrite> writes) throws InterruptedException {
        if (!writes.isEmpty()) {
            barrier();
            current.add(writes.size());
            barriers.transaction(writes);
        }
    }

    private PendingWrite pendingWrite(DocumentChange change) {
        Namespace target = selection.target(change);
        return target == null ? null
            : new PendingWrite(seq++, WriteKey.of(target, change), change, DocumentWrites.of(change), current);
    }

    private void barrier() throws InterruptedException {
        sendPending();
        drain();
    }

    /** Waits until every worker is idle, then applies what they parked, serially. */
    private void drain() throws InterruptedException {
        // Idle is not enough: a closing worker abandons its writes and counts them done, and
        // nothing may go on (a DDL, a save point) as if they were applied.
        if (!context.inFlight().awaitIdle(context.tracker()::stopping) || context.tracker().stopping()) {
            throw new Stopped();
        }
        context.parkedWrites().set(false);
        List<PendingWrite> parked = new ArrayList<>();
        for (Worker worker : workers) {
            parked.addAll(worker.takeParked());
        }
        if (!parked.isEmpty()) {
            barriers.parked(parked);
        }
    }

    private void sendPending() {
        for (int i = 0; i < workers.length; i++) {
            send(i);
        }
    }

    private void send(int worker) {
        List<PendingWrite> writes = pending.get(worker);
        if (!writes.isEmpty()) {
            current.add(writes.size());
            context.inFlight().add(writes.size());
            workers[worker].submit(writes);
            pending.set(worker, new ArrayList<>());
        }
    }
}
