package io.ddt.testkit.internal.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

/**
 * A cursor that walks a stretch of the {@code _id} index as the client asks for batches: each
 * getMore goes on from where the last batch ended, and the documents leave as the bytes they
 * were stored as. Batches are cut as {@link ListCursor} cuts them (count, then 16 MiB), and one
 * match is looked up ahead so that the batch holding the last match closes the cursor.
 *
 * <p>Called under the cursor's monitor, one batch at a time. Writes while it is open may or may
 * not be seen, as on a real member at read concern local.
 */
final class IndexCursor implements ServerCursor {

    private final String namespace;
    private final Iterator<Map.Entry<BsonValue, RawBsonDocument>> entries;
    private final IdFilter filter;
    private final boolean idOnly;
    private final long limit;
    private long toSkip;
    private long returned;
    private BsonDocument next;

    /**
     * @param idOnly whether to return {@code {_id}} alone, for the projection {@code {_id: 1}}
     * @param limit at most this many documents in all, 0 for no limit
     */
    IndexCursor(String namespace, Iterator<Map.Entry<BsonValue, RawBsonDocument>> entries, IdFilter filter,
                boolean idOnly, long skip, long limit) {
        this.namespace = namespace;
        this.entries = entries;
        this.filter = filter;
        this.idOnly = idOnly;
        this.toSkip = skip;
        this.limit = limit;
        advance();
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public Batch next(int batchSize, long maxAwaitMillis) {
        List<BsonDocument> batch = new ArrayList<>();
        long bytes = 0;
        while (next != null && (batchSize <= 0 || batch.size() < batchSize)) {
            int size = WireCodec.size(next);
            if (!batch.isEmpty() && bytes + size > ListCursor.MAX_BATCH_BYTES) {
                break;
            }
            batch.add(next);
            bytes += size;
            returned++;
            advance();
        }
        return new Batch(batch, null);
    }

    @Override
    public boolean exhausted() {
        return next == null;
    }

    /** Finds the next match after the ones to skip, or sets null when there is none or the limit is reached. */
    private void advance() {
        next = null;
        if (limit > 0 && returned >= limit) {
            return;
        }
        while (entries.hasNext()) {
            Map.Entry<BsonValue, RawBsonDocument> entry = entries.next();
            if (filter.matches(entry.getKey())) {
                if (toSkip > 0) {
                    toSkip--;
                    continue;
                }
                next = idOnly ? new BsonDocument("_id", entry.getValue().get("_id")) : entry.getValue();
                return;
            }
        }
    }
}
