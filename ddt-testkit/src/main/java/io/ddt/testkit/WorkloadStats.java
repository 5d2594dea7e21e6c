package io.ddt.testkit;

import com.mongodb.MongoException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of a {@link Workload}'s counters, cumulative since the workload was built. Immutable.
 *
 * @param operations operations issued, whatever their outcome; initial documents are not counted
 * @param countsByOperation operations issued per kind; every kind is present, zero if never issued
 * @param duplicateKeyErrors inserts the server refused for an existing {@code _id} (expected)
 * @param errors any other errors the server answered with; never includes duplicate keys
 * @param firstErrors the first few of those other errors, oldest first, at most ten
 */
public record WorkloadStats(long operations, Map<WorkloadOperation, Long> countsByOperation,
                            long duplicateKeyErrors, long errors, List<MongoException> firstErrors) {

    /** Copies the collections, so the snapshot cannot change. */
    public WorkloadStats {
        Map<WorkloadOperation, Long> all = new EnumMap<>(WorkloadOperation.class);
        for (WorkloadOperation kind : WorkloadOperation.values()) {
            all.put(kind, countsByOperation.getOrDefault(kind, 0L));
        }
        countsByOperation = Collections.unmodifiableMap(all);
        firstErrors = List.copyOf(firstErrors);
    }

    /**
     * Returns how many operations of one kind were issued.
     *
     * @param operation the kind
     * @return the count, zero if none
     */
    public long count(WorkloadOperation operation) {
        return countsByOperation.get(operation);
    }
}
