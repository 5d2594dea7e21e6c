package io.ddt.testkit.internal.changestream;

import java.util.Optional;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;

/**
 * Finds an oplog entry by its {@code ts}, as the server finds the earlier entries of a
 * transaction chain by following {@code prevOpTime}. A {@link TransactionAssembler} asks only
 * for entries of a chain it did not see being written (a stream that starts or resumes in the
 * middle of one).
 *
 * <p>Implementations are called on the thread that feeds the assembler and must not block for
 * long.
 */
@FunctionalInterface
public interface OplogLookup {

    /**
     * Returns the entry with this {@code ts}.
     *
     * @param ts the entry's timestamp
     * @return the entry, or empty if the oplog does not hold it (any more)
     */
    Optional<BsonDocument> entryAt(BsonTimestamp ts);

    /**
     * Returns a lookup that finds nothing: for callers that feed every chain from its start.
     *
     * @return the lookup
     */
    static OplogLookup none() {
        return ts -> Optional.empty();
    }
}
