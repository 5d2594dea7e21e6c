package io.ddt.internal.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.BsonDocument;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;

import io.ddt.DdtException;
import io.ddt.DocumentRejectedException;
import io.ddt.Namespace;
import io.ddt.internal.ServerErrors;

/**
 * Runs the writes of one target namespace as one ordered bulk write, transient errors retried,
 * and sorts the result: writes applied, the write refused for a duplicate key (which the caller
 * retries later or treats as a conflict), and writes not attempted after it. Any other refusal
 * fails with the namespace, key and position. Thread-safe.
 *
 * <p>Writes bypass the target's document validation: they replay what the source accepted.
 */
final class TargetWriter {

    static final int DUPLICATE_KEY = 11000;

    /** What came of a bulk write: its writes split by fate, in their order. */
    record Outcome(List<PendingWrite> applied, PendingWrite refused, String refusal, List<PendingWrite> unattempted) {
    }

    private static final BulkWriteOptions ORDERED = new BulkWriteOptions().ordered(true).bypassDocumentValidation(true);

    private final MongoClient target;
    private final Retrier retrier;
    private final Map<Namespace, MongoCollection<BsonDocument>> collections = new ConcurrentHashMap<>();

    TargetWriter(MongoClient target, Retrier retrier) {
        this.target = target;
        this.retrier = retrier;
    }

    Outcome write(Namespace namespace, List<PendingWrite> writes) {
        List<WriteModel<BsonDocument>> models = new ArrayList<>(writes.size());
        writes.forEach(w -> models.add(w.model()));
        try {
            retrier.call("a bulk write to " + namespace, () -> collection(namespace).bulkWrite(models, ORDERED));
            return new Outcome(writes, null, null, List.of());
        } catch (MongoBulkWriteException e) {
            return sorted(namespace, writes, e);
        }
    }

    /** Runs writes inside a session's transaction, without retries: the caller retries the transaction. */
    void writeInSession(ClientSession session, Namespace namespace, List<PendingWrite> writes) {
        List<WriteModel<BsonDocument>> models = new ArrayList<>(writes.size());
        writes.forEach(w -> models.add(w.model()));
        collection(namespace).bulkWrite(session, models, ORDERED);
    }

    MongoCollection<BsonDocument> collection(Namespace namespace) {
        return collections.computeIfAbsent(namespace,
            ns -> target.getDatabase(ns.database()).getCollection(ns.collection(), BsonDocument.class));
    }

    private static Outcome sorted(Namespace namespace, List<PendingWrite> writes, MongoBulkWriteException e) {
        if (e.getWriteErrors().isEmpty()) {
            throw new DdtException("the target did not confirm writes to " + namespace + ": "
                + ServerErrors.withoutValues(e.getWriteConcernError() == null ? e.getMessage() : e.getWriteConcernError().getMessage()), e);
        }
        BulkWriteError error = e.getWriteErrors().get(0);
        PendingWrite refused = writes.get(error.getIndex());
        String reason = "error " + error.getCode() + ": " + ServerErrors.withoutValues(error.getMessage());
        if (error.getCode() != DUPLICATE_KEY) {
            throw new DocumentRejectedException(namespace, refused.key().id(),
                reason + ", replaying the event at " + refused.event().position(), e);
        }
        return new Outcome(writes.subList(0, error.getIndex()), refused, reason,
            writes.subList(error.getIndex() + 1, writes.size()));
    }
}
