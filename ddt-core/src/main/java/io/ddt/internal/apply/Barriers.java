package io.ddt.internal.apply;

import java.util.List;

import io.ddt.event.Ddl;

/**
 * What the dispatcher runs alone, once every worker is idle: a DDL event, an atomic
 * transaction's writes, and the writes workers parked after a duplicate key. Dispatcher thread
 * only.
 */
final class Barriers {

    private final ApplyContext context;
    private final DdlApplier ddl;
    private final Retrier retrier;
    private final SerialResolver resolver;
    private final AtomicTransactions transactions;

    Barriers(ApplyContext context, DdlApplier ddl, Retrier retrier, SerialResolver resolver, AtomicTransactions transactions) {
        this.context = context;
        this.ddl = ddl;
        this.retrier = retrier;
        this.resolver = resolver;
        this.transactions = transactions;
    }

    void ddl(Ddl event) {
        retrier.run(event.toString(), () -> ddl.apply(event));
        context.applied().increment();
    }

    void transaction(List<PendingWrite> writes) {
        transactions.apply(writes);
    }

    void parked(List<PendingWrite> writes) {
        resolver.resolve(writes);
    }
}
