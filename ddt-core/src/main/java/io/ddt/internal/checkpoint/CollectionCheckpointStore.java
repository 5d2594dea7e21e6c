package io.ddt.internal.checkpoint;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.bson.BsonDocument;
import org.bson.BsonString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.MongoException;
import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;

import io.ddt.CheckpointException;
import io.ddt.Namespace;
import io.ddt.internal.ServerErrors;
import io.ddt.internal.copy.TransientErrors;
import io.ddt.spi.Checkpoint;
import io.ddt.spi.CheckpointStore;

/**
 * One document per job in a collection, {@code {_id: <jobId>, ...the checkpoint's fields}},
 * replaced as a whole with an upsert (a single-document write, so atomic), acknowledged by a
 * majority of the members so that an election does not roll it back, and read from the primary
 * with majority read concern. Transient errors (network, elections, retryable labels) are retried
 * up to {@value #ATTEMPTS} times with growing pauses, on top of the driver's own single retry, and
 * not after 10 seconds; other errors fail at once.
 *
 * <p>Thread-safe, as the driver's collection is. The client is the caller's: never closed here.
 */
public final class CollectionCheckpointStore implements CheckpointStore {

    static final int ATTEMPTS = 5;
    private static final long FIRST_PAUSE_MILLIS = 100;
    /**
     * No new attempt after this long: an attempt may itself wait the client's server selection
     * timeout (30 seconds by default), and five such waits are too long a stall for a checkpoint.
     */
    private static final long RETRY_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** Without a bound a majority write waits forever for a missing majority; the SPI must not block forever. */
    private static final long MAJORITY_TIMEOUT_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(CollectionCheckpointStore.class);

    private final MongoCollection<BsonDocument> collection;
    private final Namespace namespace;

    /**
     * Opens a store on a collection; nothing is read or written until the first call.
     *
     * @param client the cluster's client; not null
     * @param namespace the collection; not null
     */
    public CollectionCheckpointStore(MongoClient client, Namespace namespace) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.collection = client.getDatabase(namespace.database()).getCollection(namespace.collection(), BsonDocument.class)
            .withWriteConcern(WriteConcern.MAJORITY.withWTimeout(MAJORITY_TIMEOUT_SECONDS, TimeUnit.SECONDS))
            .withReadConcern(ReadConcern.MAJORITY).withReadPreference(ReadPreference.primary());
    }

    @Override
    public Optional<Checkpoint> load(String jobId) {
        BsonDocument key = key(jobId);
        BsonDocument found = retried("load", jobId, () -> collection.find(key).first());
        if (found == null) {
            return Optional.empty();
        }
        found.remove("_id");
        try {
            return Optional.of(Checkpoint.fromBson(found));
        } catch (CheckpointException e) {
            throw new CheckpointException("The checkpoint document " + key.toJson() + " in " + namespace
                + " cannot be used. " + e.getMessage(), e);
        }
    }

    @Override
    public void save(Checkpoint checkpoint) {
        BsonDocument key = key(checkpoint.jobId());
        BsonDocument document = key.clone();
        checkpoint.toBson().forEach(document::append);
        retried("save", checkpoint.jobId(), () -> collection.replaceOne(key, document, new ReplaceOptions().upsert(true)));
    }

    @Override
    public void delete(String jobId) {
        BsonDocument key = key(jobId);
        retried("delete", jobId, () -> collection.deleteOne(key));
    }

    @Override
    public String toString() {
        return "collection checkpoint store in " + namespace;
    }

    private static BsonDocument key(String jobId) {
        return new BsonDocument("_id", new BsonString(Objects.requireNonNull(jobId, "jobId")));
    }

    private <T> T retried(String action, String jobId, Supplier<T> call) {
        long pause = FIRST_PAUSE_MILLIS;
        long start = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (MongoException e) {
                boolean transientError = TransientErrors.isTransient(e);
                boolean spent = attempt == ATTEMPTS || System.nanoTime() - start > RETRY_WINDOW_NANOS;
                if (!transientError || spent) {
                    throw failure(action, jobId, e, transientError ? " (still failing after " + attempt + " attempts)" : "");
                }
                LOG.warn("{} of the checkpoint of job {} in {} hit a transient error, retrying in {} ms: {}", action, jobId,
                    namespace, pause, ServerErrors.describe(e));
                pause(pause, action, jobId);
                pause *= 2;
            }
        }
    }

    private void pause(long millis, String action, String jobId) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckpointException("Interrupted during the " + action + " of the checkpoint of job " + jobId
                + " in " + namespace + "; the store holds the previous checkpoint or, if a write reached the cluster"
                + " first, the new one.", e);
        }
    }

    private CheckpointException failure(String action, String jobId, MongoException e, String note) {
        String outcome = action.equals("load") ? "Check that the cluster is reachable and the user may read "
            + namespace + "." : "The store holds the previous checkpoint or, if the write reached the cluster before "
            + "the error, the new one: either is a valid point to resume from. Check that the cluster is reachable, "
            + "has a writable majority, and the user may write " + namespace + ".";
        return new CheckpointException("The " + action + " of the checkpoint of job " + jobId + " in " + namespace
            + " failed: " + ServerErrors.describe(e) + note + ". " + outcome, e);
    }
}
