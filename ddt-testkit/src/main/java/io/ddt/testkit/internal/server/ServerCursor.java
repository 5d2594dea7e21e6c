package io.ddt.testkit.internal.server;

import java.util.List;

import org.bson.BsonDocument;

/** A cursor the fake member keeps between {@code getMore}s. */
interface ServerCursor {

    /** One batch: the documents, and for change streams the token after them. */
    record Batch(List<BsonDocument> documents, BsonDocument postBatchResumeToken) {
    }

    String namespace();

    /**
     * Returns the next batch of at most {@code batchSize} documents (0: no count limit) and
     * 16 MiB; a tailable cursor waits up to {@code maxAwaitMillis} for new ones.
     */
    Batch next(int batchSize, long maxAwaitMillis) throws InterruptedException;

    /** True when no further batch can come; the cursor is then closed. */
    boolean exhausted();
}
