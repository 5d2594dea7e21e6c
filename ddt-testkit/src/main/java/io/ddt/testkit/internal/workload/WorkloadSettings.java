package io.ddt.testkit.internal.workload;

import io.ddt.testkit.Workload.IdKind;
import io.ddt.testkit.WorkloadOperation;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The checked, immutable settings of one workload, as {@link io.ddt.testkit.WorkloadBuilder}
 * builds them.
 *
 * @param name the name used in thread names and logs
 * @param seed the seed of the random source
 * @param namespaces the namespaces written, as {@code "db.coll"}
 * @param weights the relative weight of each kind; absent means zero
 * @param operationsPerSecond the rate limit, or 0 for none
 * @param maxOperations the operations per run, or {@code Long.MAX_VALUE} for no limit
 * @param duration how long a run lasts, or null for no limit
 * @param initialDocuments documents inserted into each namespace before the first operation
 * @param minDocumentSize the smallest encoded document size, in bytes
 * @param maxDocumentSize the largest encoded document size, in bytes
 * @param idKind the type of the {@code _id}s
 * @param duplicateIdProbability how often an insert reuses a live id on purpose
 * @param historyLimit how many records the history keeps
 */
public record WorkloadSettings(String name, long seed, List<String> namespaces,
                               Map<WorkloadOperation, Integer> weights, double operationsPerSecond,
                               long maxOperations, Duration duration, int initialDocuments,
                               int minDocumentSize, int maxDocumentSize, IdKind idKind,
                               double duplicateIdProbability, int historyLimit) {

    /** Smallest document size a workload accepts as its minimum. */
    public static final int MIN_DOCUMENT_SIZE = DocumentFactory.MIN_DOCUMENT_SIZE;

    /** Copies the collections. */
    public WorkloadSettings {
        namespaces = List.copyOf(namespaces);
        weights = Map.copyOf(weights);
    }
}
