package io.ddt.testkit.internal.workload;

import com.mongodb.MongoException;
import io.ddt.testkit.WorkloadOperation;
import io.ddt.testkit.WorkloadRecord;
import io.ddt.testkit.WorkloadStats;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Counts operations and errors, keeps the first errors and the first records of the history, and
 * lets other threads wait for a number of operations. Written by the one thread running the
 * workload, read by any: thread-safe, all under one monitor (a few operations per millisecond at
 * most, so contention does not matter).
 */
final class StatsRecorder {

    private static final int KEPT_ERRORS = 10;

    private final int historyLimit;
    private final long[] counts = new long[WorkloadOperation.values().length];
    private final List<MongoException> firstErrors = new ArrayList<>();
    private final List<WorkloadRecord> history = new ArrayList<>();
    private long operations;
    private long duplicateKeys;
    private long errors;

    StatsRecorder(int historyLimit) {
        this.historyLimit = historyLimit;
    }

    /** Records one operation and, when it failed, its error; wakes the waiters. */
    synchronized void record(WorkloadRecord record, MongoException error) {
        operations++;
        counts[record.operation().ordinal()]++;
        if (record.outcome() == WorkloadRecord.Outcome.DUPLICATE_KEY) {
            duplicateKeys++;
        } else if (record.outcome() == WorkloadRecord.Outcome.FAILED) {
            errors++;
            if (firstErrors.size() < KEPT_ERRORS) {
                firstErrors.add(error);
            }
        }
        if (history.size() < historyLimit) {
            history.add(record);
        }
        notifyAll();
    }

    synchronized long operations() {
        return operations;
    }

    synchronized WorkloadStats snapshot() {
        Map<WorkloadOperation, Long> byKind = new EnumMap<>(WorkloadOperation.class);
        for (WorkloadOperation kind : WorkloadOperation.values()) {
            byKind.put(kind, counts[kind.ordinal()]);
        }
        return new WorkloadStats(operations, byKind, duplicateKeys, errors, firstErrors);
    }

    synchronized List<WorkloadRecord> history() {
        return List.copyOf(history);
    }

    /** Wakes the waiters, so they see that the workload ended. */
    synchronized void wakeWaiters() {
        notifyAll();
    }

    /**
     * Waits until at least {@code count} operations were recorded, the workload ends, or the
     * timeout passes.
     *
     * @return true if the count was reached
     */
    synchronized boolean awaitOperations(long count, long timeout, TimeUnit unit, BooleanSupplier running)
            throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (operations < count && running.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return operations >= count;
    }
}
