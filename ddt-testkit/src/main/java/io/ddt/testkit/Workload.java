package io.ddt.testkit;

import com.mongodb.client.MongoClient;
import io.ddt.testkit.internal.workload.WorkloadEngine;
import io.ddt.testkit.internal.workload.WorkloadRunner;
import io.ddt.testkit.internal.workload.WorkloadSettings;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.BsonValue;

/**
 * A seeded, reproducible stream of random writes to a MongoDB cluster, issued through the real
 * driver: inserts, every kind of update operator, pipeline updates, replaces, deletes,
 * findAndModify and upserts (see {@link WorkloadOperation}), on documents of many BSON types.
 *
 * <pre>{@code
 * Workload workload = Workload.builder(client).seed(7).namespaces("shop.orders").initialDocuments(100)
 *     .operationsPerSecond(500).build();
 * try (WorkloadHandle running = workload.start()) {
 *     running.awaitOperations(1_000, Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * <p><b>Reproducible.</b> Two workloads built alike, with the same seed, issue the same
 * operations on the same {@code _id}s with the same documents, as their {@link #history()} shows,
 * provided each starts on empty collections and nothing else writes them. Updates and deletes
 * target ids the workload inserted and has not deleted; it keeps those ids (ids only) in memory.
 * The fields {@code touchedAt} and {@code touchedTs}, set by {@code $currentDate}, hold the
 * server's clock and so differ between runs.
 *
 * <p><b>Errors.</b> An error from the server, or any other {@code MongoException} such as a
 * timeout, never stops the workload: it is counted and the first ten are kept
 * ({@link WorkloadStats}). Inserts of an existing {@code _id}, which the workload makes on purpose
 * now and then, count apart as duplicate keys. Any other exception ends the run: {@link #run()}
 * throws it, {@link WorkloadHandle#failure()} reports it; a client closed under a running workload
 * is one, so close the handle first. (Plain mongo-java-server fails every
 * {@link WorkloadOperation#UPDATE_PIPELINE} with error -1; give it weight 0 there.)
 *
 * <p><b>Threads.</b> A workload issues one operation at a time: {@link #applyOne()},
 * {@link #run()} and {@link #start()} throw {@link IllegalStateException} while another of them is
 * under way. {@link #stats()} and {@link #history()} may be called from any thread at any time.
 * The workload never closes the client.
 */
public final class Workload {

    /** The BSON type of the {@code _id}s a workload generates. */
    public enum IdKind {
        /** ObjectIds, drawn from the seed rather than the clock. */
        OBJECT_ID,
        /** 32-bit integers. */
        INT32,
        /** 64-bit integers, above 2^40. */
        INT64,
        /** Strings, some of them outside ASCII. */
        STRING,
        /** Sub-documents {@code {tenant, n}}. */
        DOCUMENT,
        /** Doubles with a fractional part. */
        DOUBLE,
        /** Binary UUIDs (subtype 4). */
        UUID,
        /** Each id of one of the types above, drawn at random: exercises BSON type ordering. */
        MIXED
    }

    private final WorkloadSettings settings;
    private final WorkloadEngine engine;
    private final AtomicBoolean busy = new AtomicBoolean();
    private int starts;

    Workload(WorkloadSettings settings, MongoClient client) {
        this.settings = settings;
        this.engine = new WorkloadEngine(settings, client);
    }

    /**
     * Starts building a workload that writes through this client.
     *
     * @param client the client to use; the workload never closes it
     * @return a builder with every default set
     */
    public static WorkloadBuilder builder(MongoClient client) {
        return new WorkloadBuilder(Objects.requireNonNull(client, "client"));
    }

    /**
     * Issues one operation on the calling thread, ignoring rate and limits; the first call first
     * inserts the initial documents.
     *
     * @return the record of the operation, whatever the server answered
     * @throws IllegalStateException if the workload is running on another thread
     */
    public WorkloadRecord applyOne() {
        claim();
        try {
            return engine.applyOne();
        } finally {
            busy.set(false);
        }
    }

    /**
     * Runs on the calling thread until {@link WorkloadBuilder#maxOperations(long)} operations were issued or
     * {@link WorkloadBuilder#duration(java.time.Duration)} passed, at the configured rate. An interrupt ends the run early and
     * leaves the thread's interrupt flag set.
     *
     * @return the counters at the end
     * @throws IllegalStateException if neither limit is set, or the workload is already running
     */
    public WorkloadStats run() {
        if (settings.maxOperations() == Long.MAX_VALUE && settings.duration() == null) {
            throw new IllegalStateException("run() needs an end: set maxOperations or duration, or use start()");
        }
        claim();
        try {
            return new WorkloadRunner(engine, settings).run();
        } finally {
            busy.set(false);
        }
    }

    /**
     * Starts the workload on a new daemon thread named {@code ddt-<name>-<n>}, {@code n} counting
     * this workload's starts from 1. It runs until its limits, if any, or until the handle is
     * closed. Start again after the handle is closed to continue the same sequence.
     *
     * @return the handle that observes and stops the run
     * @throws IllegalStateException if the workload is already running
     */
    public WorkloadHandle start() {
        claim();
        WorkloadRunner runner = new WorkloadRunner(engine, settings);
        Thread thread = new Thread(() -> {
            try {
                runner.runKeepingFailure();
            } finally {
                busy.set(false);
            }
        }, "ddt-" + settings.name() + "-" + (++starts));
        thread.setDaemon(true);
        try {
            thread.start();
        } catch (RuntimeException | Error e) {
            busy.set(false);
            throw e;
        }
        return new WorkloadHandle(this, runner, thread);
    }

    /**
     * Returns a snapshot of the counters since the workload was built. Thread-safe.
     *
     * @return the counters now
     */
    public WorkloadStats stats() {
        return engine.stats();
    }

    /**
     * Returns the records of the operations issued so far, oldest first, up to
     * {@link WorkloadBuilder#historyLimit(int)} of them (later ones are counted but not kept). The initial
     * documents are not in it. Thread-safe.
     *
     * @return an immutable copy of the history
     */
    public List<WorkloadRecord> history() {
        return engine.history();
    }

    /**
     * Returns the {@code _id}s the workload believes exist in a namespace: those it inserted and
     * has not deleted, in no particular order.
     *
     * @param namespace one of the workload's namespaces, {@code "db.coll"}
     * @return an immutable copy of the ids
     * @throws IllegalStateException if the workload is running
     * @throws IllegalArgumentException if the workload does not write that namespace
     */
    public List<BsonValue> knownIds(String namespace) {
        claim();
        try {
            return engine.knownIds(namespace);
        } finally {
            busy.set(false);
        }
    }

    @Override
    public String toString() {
        return "Workload[" + settings.name() + ", seed " + settings.seed() + ", " + settings.namespaces() + "]";
    }

    private void claim() {
        if (!busy.compareAndSet(false, true)) {
            throw new IllegalStateException("workload " + settings.name()
                + " is already running; close its handle or wait for run() to return first");
        }
    }
}
