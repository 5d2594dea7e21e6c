package io.ddt.testkit.internal.workload;

import static io.ddt.testkit.internal.workload.PlannedOperation.adding;
import static io.ddt.testkit.internal.workload.PlannedOperation.removing;
import static io.ddt.testkit.internal.workload.PlannedOperation.touching;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import io.ddt.testkit.WorkloadOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Chooses the next operation: its namespace, its kind by weight, its target ids among the live
 * ones, and its documents. Every draw from the random source happens here, before the operation
 * is issued. Not thread-safe.
 */
final class OperationPlanner {

    private final Random random;
    private final int namespaces;
    private final WorkloadOperation[] kinds = WorkloadOperation.values();
    private final int[] cumulativeWeights = new int[kinds.length];
    private final double duplicateIdProbability;
    private final LiveIds live;
    private final IdFactory ids;
    private final DocumentFactory documents;
    private final UpdateFactory updates;

    OperationPlanner(WorkloadSettings settings, Random random, LiveIds live) {
        this.random = random;
        this.namespaces = settings.namespaces().size();
        this.duplicateIdProbability = settings.duplicateIdProbability();
        this.live = live;
        this.ids = new IdFactory(settings.idKind(), random, namespaces);
        this.documents = new DocumentFactory(random, settings.minDocumentSize(), settings.maxDocumentSize());
        this.updates = new UpdateFactory(random, documents);
        int total = 0;
        for (int i = 0; i < kinds.length; i++) {
            total += settings.weights().getOrDefault(kinds[i], 0);
            cumulativeWeights[i] = total;
        }
    }

    /** Returns a new document under a fresh id, for the initial load. */
    BsonDocument newDocument(int namespace) {
        return documents.document(ids.next(namespace));
    }

    /** Chooses and draws the next operation. */
    PlannedOperation next() {
        int namespace = random.nextInt(namespaces);
        WorkloadOperation kind = pickKind();
        if (kind.needsTarget() && live.size(namespace) == 0) {
            kind = WorkloadOperation.INSERT_ONE;
        }
        return plan(kind, namespace);
    }

    private WorkloadOperation pickKind() {
        int draw = random.nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
        int i = 0;
        while (cumulativeWeights[i] <= draw) {
            i++;
        }
        return kinds[i];
    }

    private PlannedOperation plan(WorkloadOperation kind, int ns) {
        return switch (kind) {
            case INSERT_ONE -> insertOne(ns);
            case INSERT_MANY -> insertMany(ns);
            case UPDATE_PIPELINE -> pipelineUpdate(ns);
            case UPDATE_MANY -> updateMany(ns);
            case REPLACE_ONE -> replaceOne(ns);
            case DELETE_ONE -> deleteOne(ns);
            case DELETE_MANY -> deleteMany(ns);
            case FIND_ONE_AND_UPDATE -> findOneAndUpdate(ns);
            case FIND_ONE_AND_REPLACE -> findOneAndReplace(ns);
            case FIND_ONE_AND_DELETE -> findOneAndDelete(ns);
            case UPSERT_UPDATE -> upsertUpdate(ns);
            case UPSERT_REPLACE -> upsertReplace(ns);
            default -> updateOne(kind, ns);
        };
    }

    private PlannedOperation insertOne(int ns) {
        boolean duplicate = live.size(ns) > 0 && random.nextDouble() < duplicateIdProbability;
        BsonValue id = duplicate ? live.pick(ns, random) : ids.next(ns);
        BsonDocument doc = documents.document(id);
        return adding(WorkloadOperation.INSERT_ONE, ns, List.of(id), c -> c.insertOne(doc));
    }

    private PlannedOperation insertMany(int ns) {
        List<BsonDocument> docs = new ArrayList<>();
        List<BsonValue> newIds = new ArrayList<>();
        for (int i = 2 + random.nextInt(4); i > 0; i--) {
            BsonValue id = ids.next(ns);
            newIds.add(id);
            docs.add(documents.document(id));
        }
        return adding(WorkloadOperation.INSERT_MANY, ns, newIds, c -> c.insertMany(docs));
    }

    private PlannedOperation updateOne(WorkloadOperation kind, int ns) {
        BsonValue id = live.pick(ns, random);
        BsonDocument update = updates.update(kind);
        return touching(kind, ns, List.of(id), c -> c.updateOne(byId(id), update));
    }

    private PlannedOperation pipelineUpdate(int ns) {
        BsonValue id = live.pick(ns, random);
        List<BsonDocument> pipeline = updates.pipeline();
        return touching(WorkloadOperation.UPDATE_PIPELINE, ns, List.of(id), c -> c.updateOne(byId(id), pipeline));
    }

    private PlannedOperation updateMany(int ns) {
        List<BsonValue> targets = live.pickDistinct(ns, 2 + random.nextInt(3), random);
        BsonDocument update = updates.update(WorkloadOperation.UPDATE_MANY);
        return touching(WorkloadOperation.UPDATE_MANY, ns, targets, c -> c.updateMany(inIds(targets), update));
    }

    private PlannedOperation replaceOne(int ns) {
        BsonValue id = live.pick(ns, random);
        BsonDocument doc = documents.document(id);
        return touching(WorkloadOperation.REPLACE_ONE, ns, List.of(id), c -> c.replaceOne(byId(id), doc));
    }

    private PlannedOperation deleteOne(int ns) {
        BsonValue id = live.pick(ns, random);
        return removing(WorkloadOperation.DELETE_ONE, ns, List.of(id), c -> c.deleteOne(byId(id)));
    }

    private PlannedOperation deleteMany(int ns) {
        List<BsonValue> targets = live.pickDistinct(ns, 2 + random.nextInt(3), random);
        return removing(WorkloadOperation.DELETE_MANY, ns, targets, c -> c.deleteMany(inIds(targets)));
    }

    private PlannedOperation findOneAndUpdate(int ns) {
        BsonValue id = live.pick(ns, random);
        BsonDocument update = updates.update(WorkloadOperation.FIND_ONE_AND_UPDATE);
        FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
        return touching(WorkloadOperation.FIND_ONE_AND_UPDATE, ns, List.of(id),
            c -> c.findOneAndUpdate(byId(id), update, after));
    }

    private PlannedOperation findOneAndReplace(int ns) {
        BsonValue id = live.pick(ns, random);
        BsonDocument doc = documents.document(id);
        return touching(WorkloadOperation.FIND_ONE_AND_REPLACE, ns, List.of(id), c -> c.findOneAndReplace(byId(id), doc));
    }

    private PlannedOperation findOneAndDelete(int ns) {
        BsonValue id = live.pick(ns, random);
        return removing(WorkloadOperation.FIND_ONE_AND_DELETE, ns, List.of(id), c -> c.findOneAndDelete(byId(id)));
    }

    private PlannedOperation upsertUpdate(int ns) {
        BsonValue id = ids.next(ns);
        BsonDocument update = updates.upsert();
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        return adding(WorkloadOperation.UPSERT_UPDATE, ns, List.of(id), c -> c.updateOne(byId(id), update, upsert));
    }

    private PlannedOperation upsertReplace(int ns) {
        BsonValue id = ids.next(ns);
        BsonDocument doc = documents.document(id);
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        return adding(WorkloadOperation.UPSERT_REPLACE, ns, List.of(id), c -> c.replaceOne(byId(id), doc, upsert));
    }

    private static BsonDocument byId(BsonValue id) {
        return new BsonDocument("_id", id);
    }

    private static BsonDocument inIds(List<BsonValue> targets) {
        return new BsonDocument("_id", new BsonDocument("$in", new BsonArray(targets)));
    }
}
