package io.ddt.testkit.internal.workload;

import com.mongodb.client.MongoCollection;
import io.ddt.testkit.WorkloadOperation;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * One operation chosen and fully drawn from the random source, ready to issue: all randomness is
 * spent before the server is asked, so the server's answers never change what comes next.
 *
 * @param kind the kind of write
 * @param namespace the index of the namespace written
 * @param ids the ids the write targets or inserts
 * @param action the driver call
 * @param added ids that exist once the call succeeds
 * @param removed ids that no longer exist once the call succeeds
 */
record PlannedOperation(WorkloadOperation kind, int namespace, List<BsonValue> ids, Action action,
                        List<BsonValue> added, List<BsonValue> removed) {

    /** A driver call on the namespace's collection. */
    @FunctionalInterface
    interface Action {
        void apply(MongoCollection<BsonDocument> collection);
    }

    static PlannedOperation touching(WorkloadOperation kind, int namespace, List<BsonValue> ids, Action action) {
        return new PlannedOperation(kind, namespace, ids, action, List.of(), List.of());
    }

    static PlannedOperation adding(WorkloadOperation kind, int namespace, List<BsonValue> ids, Action action) {
        return new PlannedOperation(kind, namespace, ids, action, ids, List.of());
    }

    static PlannedOperation removing(WorkloadOperation kind, int namespace, List<BsonValue> ids, Action action) {
        return new PlannedOperation(kind, namespace, ids, action, List.of(), ids);
    }
}
