package io.ddt.testkit.internal.workload;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoServerException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import io.ddt.testkit.WorkloadRecord;
import io.ddt.testkit.WorkloadRecord.Outcome;
import io.ddt.testkit.WorkloadStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues a workload's operations one at a time and keeps what it knows: the live ids, the
 * counters, the history. {@link #applyOne()} and {@link #loadInitialDocuments()} must be called by
 * one thread at a time; {@link #stats()}, {@link #history()} and {@link #awaitOperations} by any.
 */
public final class WorkloadEngine {

    private static final Logger LOG = LoggerFactory.getLogger(WorkloadEngine.class);
    private static final int LOAD_BATCH = 500;

    private final WorkloadSettings settings;
    private final List<MongoCollection<BsonDocument>> collections = new ArrayList<>();
    private final LiveIds live;
    private final OperationPlanner planner;
    private final StatsRecorder stats;
    private long sequence;
    private boolean loaded;

    /**
     * Creates the engine; it touches no server until the first operation.
     *
     * @param settings the checked settings
     * @param client the client to write through; the engine does not close it
     */
    public WorkloadEngine(WorkloadSettings settings, MongoClient client) {
        this.settings = settings;
        for (String namespace : settings.namespaces()) {
            int dot = namespace.indexOf('.');
            collections.add(client.getDatabase(namespace.substring(0, dot))
                .getCollection(namespace.substring(dot + 1), BsonDocument.class));
        }
        this.live = new LiveIds(collections.size());
        this.planner = new OperationPlanner(settings, new Random(settings.seed()), live);
        this.stats = new StatsRecorder(settings.historyLimit());
    }

    /**
     * Issues the next operation, first loading the initial documents if not done yet.
     *
     * @return the record of the operation, also added to the history
     * @throws MongoInterruptedException if the thread was interrupted; its flag is set
     */
    public WorkloadRecord applyOne() {
        loadInitialDocuments();
        PlannedOperation op = planner.next();
        MongoException error = null;
        try {
            op.action().apply(collections.get(op.namespace()));
            op.added().forEach(id -> live.add(op.namespace(), id));
            op.removed().forEach(id -> live.remove(op.namespace(), id));
        } catch (MongoInterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        } catch (MongoException e) {
            error = e;
        }
        Outcome outcome = error == null ? Outcome.OK : isDuplicateKey(error) ? Outcome.DUPLICATE_KEY : Outcome.FAILED;
        WorkloadRecord record = new WorkloadRecord(sequence++, op.kind(),
            settings.namespaces().get(op.namespace()), op.ids(), outcome);
        stats.record(record, error);
        return record;
    }

    /**
     * Inserts the initial documents into every namespace, once. An id that already exists counts
     * as live; any other error is thrown, since a workload cannot start without its documents.
     */
    public void loadInitialDocuments() {
        if (loaded) {
            return;
        }
        for (int ns = 0; ns < collections.size(); ns++) {
            for (int done = 0; done < settings.initialDocuments(); done += LOAD_BATCH) {
                loadBatch(ns, Math.min(LOAD_BATCH, settings.initialDocuments() - done));
            }
        }
        loaded = true;
        LOG.debug("workload {} loaded {} initial documents per namespace", settings.name(), settings.initialDocuments());
    }

    private void loadBatch(int ns, int count) {
        List<BsonDocument> docs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            docs.add(planner.newDocument(ns));
        }
        try {
            collections.get(ns).insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
        }
        docs.forEach(doc -> live.add(ns, doc.get("_id")));
    }

    /** Returns a snapshot of the counters; thread-safe. */
    public WorkloadStats stats() {
        return stats.snapshot();
    }

    /** Returns the kept history, oldest first; thread-safe. */
    public List<WorkloadRecord> history() {
        return stats.history();
    }

    /** Returns the operations recorded so far; thread-safe. */
    public long operations() {
        return stats.operations();
    }

    /** Returns the recorder, for waiting on operations from another thread. */
    StatsRecorder recorder() {
        return stats;
    }

    /**
     * Returns the ids the engine believes live in a namespace; call only while no thread applies.
     *
     * @throws IllegalArgumentException if the workload does not write that namespace
     */
    public List<BsonValue> knownIds(String namespace) {
        int ns = settings.namespaces().indexOf(namespace);
        if (ns < 0) {
            throw new IllegalArgumentException("namespace " + namespace + " is not one the workload writes: "
                + settings.namespaces());
        }
        return live.snapshot(ns);
    }

    static boolean isDuplicateKey(MongoException error) {
        if (error instanceof MongoBulkWriteException bulk) {
            return !bulk.getWriteErrors().isEmpty() && bulk.getWriteErrors().stream()
                .map(BulkWriteError::getCategory).allMatch(ErrorCategory.DUPLICATE_KEY::equals);
        }
        return error instanceof MongoServerException server
            && ErrorCategory.fromErrorCode(server.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
