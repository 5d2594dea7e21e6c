package io.ddt.internal.stream;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

import io.ddt.PartialTransactionException;
import io.ddt.Position;
import io.ddt.event.ChangeEvent;
import io.ddt.event.TransactionAssembler;
import io.ddt.event.TransactionId;

/**
 * Reads oplog entries through a {@link TransactionAssembler}, and counts the bytes of the entries
 * behind each event (all the parts of a transaction).
 *
 * <p>When an entry continues or ends a transaction whose earlier parts were never read (the
 * stream started inside it: a restart from a position between a {@code prepare} and its
 * {@code commitTransaction}, or within a {@code partialTxn} chain), the earlier parts are read
 * from the oplog by following {@code prevOpTime} back, as the server's own change streams do, so
 * the transaction still arrives whole. Not thread-safe: one stream's reading thread owns it.
 */
final class TransactionReader {

    /** An event and the bytes of the entries it was read from. */
    record Read(ChangeEvent event, long bytes) {
    }

    private final TransactionAssembler assembler = new TransactionAssembler();
    private final Map<TransactionId, Long> partBytes = new HashMap<>();
    private final OplogSource source;

    TransactionReader(OplogSource source) {
        this.source = source;
    }

    /**
     * Reads the next entry; returns null for a part of an unfinished transaction.
     *
     * @throws io.ddt.HistoryLostException if earlier parts of its transaction left the oplog
     * @throws com.mongodb.MongoException if reading earlier parts failed; nothing was changed
     */
    Read accept(RawBsonDocument entry) {
        Optional<ChangeEvent> event;
        try {
            event = assembler.accept(entry);
        } catch (PartialTransactionException e) {
            readEarlierParts(entry, e);
            event = assembler.accept(entry);
        }
        long bytes = size(entry);
        TransactionId id = transactionId(entry);
        if (event.isEmpty()) {
            partBytes.merge(id, bytes, Long::sum);
            return null;
        }
        Long parts = id == null ? null : partBytes.remove(id);
        return new Read(event.get(), bytes + (parts == null ? 0 : parts));
    }

    /** The position of the first part of the oldest unfinished transaction, if any. */
    Optional<Position> oldestPending() {
        return assembler.oldestPending();
    }

    private void readEarlierParts(RawBsonDocument entry, PartialTransactionException cause) {
        Deque<RawBsonDocument> parts = new ArrayDeque<>();
        for (BsonTimestamp ts = previous(entry); ts != null; ts = previous(parts.peekFirst())) {
            parts.addFirst(source.entryAt(ts));
        }
        if (parts.isEmpty()) {
            throw cause;
        }
        for (RawBsonDocument part : parts) {
            assembler.accept(part);
            partBytes.merge(transactionId(part), size(part), Long::sum);
        }
    }

    private static BsonTimestamp previous(BsonDocument entry) {
        BsonValue prevOpTime = entry.get("prevOpTime");
        if (prevOpTime == null || !prevOpTime.isDocument()) {
            return null;
        }
        BsonValue ts = prevOpTime.asDocument().get("ts");
        return ts != null && ts.isTimestamp() && ts.asTimestamp().getValue() != 0 ? ts.asTimestamp() : null;
    }

    private static TransactionId transactionId(BsonDocument entry) {
        BsonValue lsid = entry.get("lsid");
        BsonValue txnNumber = entry.get("txnNumber");
        return lsid != null && lsid.isDocument() && txnNumber != null && txnNumber.isNumber()
            ? new TransactionId(lsid.asDocument(), txnNumber.asNumber().longValue()) : null;
    }

    private static long size(RawBsonDocument entry) {
        return entry.getByteBuffer().remaining();
    }
}
