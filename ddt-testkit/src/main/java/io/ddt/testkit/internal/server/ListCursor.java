package io.ddt.testkit.internal.server;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;

/** A cursor over a result the engine computed whole; served in batches as a real member would. */
final class ListCursor implements ServerCursor {

    static final int MAX_BATCH_BYTES = 16 * 1024 * 1024;

    private final String namespace;
    private final List<BsonDocument> documents;
    private int position;

    ListCursor(String namespace, List<BsonDocument> documents) {
        this.namespace = namespace;
        this.documents = documents;
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public Batch next(int batchSize, long maxAwaitMillis) {
        List<BsonDocument> batch = new ArrayList<>();
        long bytes = 0;
        while (position < documents.size() && (batchSize <= 0 || batch.size() < batchSize)) {
            BsonDocument document = documents.get(position);
            int size = WireCodec.size(document);
            if (!batch.isEmpty() && bytes + size > MAX_BATCH_BYTES) {
                break;
            }
            batch.add(document);
            documents.set(position, null);
            bytes += size;
            position++;
        }
        return new Batch(batch, null);
    }

    @Override
    public boolean exhausted() {
        return position >= documents.size();
    }
}
