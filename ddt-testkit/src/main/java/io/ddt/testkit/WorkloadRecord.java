package io.ddt.testkit;

import java.util.List;
import java.util.Objects;
import org.bson.BsonValue;

/**
 * One operation a {@link Workload} issued: its kind, where, on which {@code _id}s, and how the
 * server answered. Two workloads with the same seed, run against empty clusters, produce equal
 * lists of records.
 *
 * @param sequence the operation's number within its workload, from 0
 * @param operation the kind of write issued
 * @param namespace the namespace written, as {@code "db.coll"}
 * @param ids the {@code _id}s the write targets or inserts, in the order used; never empty
 * @param outcome how the server answered
 */
public record WorkloadRecord(long sequence, WorkloadOperation operation, String namespace,
                             List<BsonValue> ids, Outcome outcome) {

    /** How the server answered an operation. */
    public enum Outcome {
        /** The server accepted the write (an update may still have matched nothing). */
        OK,
        /** The server refused an insert of an {@code _id} that exists: expected now and then. */
        DUPLICATE_KEY,
        /** The server answered with any other error, which the workload counted and kept. */
        FAILED
    }

    /**
     * Checks the arguments and copies the id list.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code ids} is empty
     */
    public WorkloadRecord {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(outcome, "outcome");
        ids = List.copyOf(ids);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("ids must not be empty");
        }
    }

    /**
     * Returns the first (for most kinds the only) {@code _id} the operation used.
     *
     * @return the first id
     */
    public BsonValue id() {
        return ids.get(0);
    }
}
